"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** Current password, then a new one of at least 10 characters. */
export function ChangePasswordForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const res = await callApi("POST", "/api/account/password", { current: data.get("current"), next: data.get("next") });
        setMessage(res.ok ? { ok: true, text: "Your password was changed." } : { ok: false, text: res.message });
        if (res.ok) {
          form.reset();
          router.refresh();
        }
      }}
    >
      <label className="field">
        <span>Current password</span>
        <input name="current" type="password" autoComplete="current-password" required />
      </label>
      <label className="field">
        <span>New password (at least 10 characters)</span>
        <input name="next" type="password" autoComplete="new-password" minLength={10} required />
      </label>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "form-error"}>
          {message.text}
        </p>
      ) : null}
      <button className="button" type="submit">
        Change password
      </button>
    </form>
  );
}
