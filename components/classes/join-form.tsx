"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** A signed-in student enters a class code. */
export function JoinForm({ code }: { code: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get("code") ?? "");
        const res = await callApi<{ class: { name: string } }>("POST", "/api/classes/join", { code: value });
        setMessage(res.ok ? { ok: true, text: `You joined ${res.data.class.name}.` } : { ok: false, text: res.message });
        if (res.ok) router.refresh();
      }}
    >
      <label className="field">
        <span>Class join code</span>
        <input name="code" defaultValue={code} autoComplete="off" autoCapitalize="characters" required />
      </label>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "form-error"}>
          {message.text} {message.ok ? <a href="/assignments">See your assignments</a> : null}
        </p>
      ) : null}
      <button className="button" type="submit">
        Join class
      </button>
    </form>
  );
}
