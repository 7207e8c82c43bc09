"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { useSchoolTimeZone } from "@/components/ui/school-time-zone";
import { formatDate } from "@/lib/format/dates";

export interface InboxInvitation {
  id: string;
  role: "student" | "teacher";
  className: string | null;
  inviterName: string | null;
  expiresAt: string;
}

function describe(i: InboxInvitation): string {
  if (!i.className) return "Teach on this site (an administrator's invitation)";
  return i.role === "teacher" ? `Co-teach ${i.className}` : `Join ${i.className} as a student`;
}

/** The invitations addressed to the viewer's email: nothing is joined until they accept one here. */
export function InvitationInbox({ invitations }: { invitations: InboxInvitation[] }) {
  const router = useRouter();
  const timeZone = useSchoolTimeZone();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  if (invitations.length === 0 && !status) return null;

  const answer = async (i: InboxInvitation, value: "accept" | "decline") => {
    const res = await callApi("POST", `/api/invitations/${i.id}`, { answer: value });
    setStatus(res.ok ? { ok: true, text: value === "accept" ? `Accepted: ${describe(i)}.` : "Invitation declined." } : { ok: false, text: res.message });
    if (res.ok) router.refresh();
  };

  return (
    <section aria-labelledby="invitations-title" className="card">
      <h2 id="invitations-title">Invitations ({invitations.length})</h2>
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={status.ok ? "notice" : "form-error"}>
          {status.text}
        </p>
      ) : null}
      <ul className="stack">
        {invitations.map((i) => (
          <li key={i.id}>
            <strong>{describe(i)}</strong>
            {i.inviterName ? ` · from ${i.inviterName}` : ""} · until <time dateTime={i.expiresAt}>{formatDate(i.expiresAt, timeZone)}</time>{" "}
            <button type="button" className="button button-small" onClick={() => answer(i, "accept")}>
              Accept
            </button>{" "}
            <button type="button" className="button button-small button-quiet" onClick={() => answer(i, "decline")}>
              Decline
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
