"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/**
 * The account page's digest switch: a checkbox saved as soon as it changes,
 * with what happened said in a status line. Without SMTP the school sends
 * no mail, and an account from a learning platform may have no address:
 * the page says so instead of offering a switch that does nothing.
 */
export function EmailDigestSetting({ isAvailable, hasMailbox, initialOn }: { isAvailable: boolean; hasMailbox: boolean; initialOn: boolean }) {
  const [isOn, setOn] = useState(initialOn);
  const [isSaving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!isAvailable) {
    return (
      <p className="muted" data-testid="email-digest-unavailable">
        E-mail digests are not available: this school has not set up e-mail. You still see every notification on the notifications page.
      </p>
    );
  }
  if (!hasMailbox) {
    return (
      <p className="muted" data-testid="email-digest-unavailable">
        Your account has no e-mail address (your learning platform did not send one), so no digests can reach you. You see every
        notification on the notifications page.
      </p>
    );
  }
  return (
    <div className="stack">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isOn}
          disabled={isSaving}
          aria-describedby="email-digest-help"
          onChange={async (event) => {
            const next = event.currentTarget.checked;
            setSaving(true);
            const res = await callApi<{ emailDigest: boolean }>("POST", "/api/account/email-digest", { emailDigest: next });
            setSaving(false);
            if (res.ok) {
              setOn(res.data.emailDigest);
              setMessage({ ok: true, text: res.data.emailDigest ? "Digests are on." : "Digests are off: you will get no more of these e-mails." });
            } else setMessage({ ok: false, text: res.message });
          }}
        />
        <span>Send me an e-mail digest of my unread notifications</span>
      </label>
      <p id="email-digest-help" className="muted">
        Only what you have not read here yet, never the same notification twice; each e-mail links to its threads.
      </p>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "form-error"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
