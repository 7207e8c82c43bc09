"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** An administrator invites a colleague to teach; they accept on their Classes or Account page. */
export function InviteTeacherForm() {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="inline-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const email = String(new FormData(form).get("email") ?? "");
        const res = await callApi("POST", "/api/admin/teachers", { email });
        setStatus(res.ok ? { ok: true, text: `Invitation sent to ${email}. They accept it after signing in (or signing up) with that email.` } : { ok: false, text: res.message });
        if (res.ok) form.reset();
      }}
    >
      <label className="field">
        <span>Invite a teacher by email</span>
        <input name="email" type="email" required />
      </label>
      <button className="button button-quiet" type="submit">
        Invite teacher
      </button>
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={status.ok ? "notice" : "form-error"}>
          {status.text}
        </p>
      ) : null}
    </form>
  );
}
