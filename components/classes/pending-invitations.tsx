"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { useSchoolTimeZone } from "@/components/ui/school-time-zone";
import { formatDate } from "@/lib/format/dates";

export interface PendingInvitation {
  id: string;
  email: string;
  role: "student" | "teacher";
  expiresAt: string;
}

/** The class's invitations nobody has answered yet, each revocable by its teachers. */
export function PendingInvitations({ invitations }: { invitations: PendingInvitation[] }) {
  const router = useRouter();
  const timeZone = useSchoolTimeZone();
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="pending-title" className="card">
      <h2 id="pending-title">Waiting for an answer ({invitations.length})</h2>
      <p className="muted">Invited people join only once they accept in the app. Invitations last 14 days.</p>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <ul>
        {invitations.map((i) => (
          <li key={i.id}>
            {i.email} · {i.role === "teacher" ? "co-teacher" : "student"} · until <time dateTime={i.expiresAt}>{formatDate(i.expiresAt, timeZone)}</time>{" "}
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={`Revoke the invitation to ${i.email}`}
              onClick={async () => {
                const res = await callApi("DELETE", `/api/invitations/${i.id}`);
                if (res.ok) router.refresh();
                else setError(res.message);
              }}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
