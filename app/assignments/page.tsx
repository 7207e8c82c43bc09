import type { Metadata } from "next";
import Link from "next/link";
import { COMPLETION_LABELS } from "@/lib/annotations/completion";
import { listAssignments } from "@/lib/server/assignments/list-assignments";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getSchoolTimeZone } from "@/lib/env";
import { formatDate, toIsoString } from "@/lib/format/dates";

export const metadata: Metadata = { title: "My assignments" };

const BADGE = { complete: "badge-ok", past_due: "badge-warn", in_progress: "badge-info", not_started: "" } as const;

export default async function AssignmentsPage() {
  const viewer = await requireViewer("/assignments");
  const assignments = await listAssignments({ viewerId: viewer.id });
  const timeZone = getSchoolTimeZone();
  return (
    <div className="page">
      <h1>My assignments</h1>
      {assignments.length === 0 ? (
        <p className="muted">
          You have no assignments yet. When your teacher assigns a reading, it appears here. Have a class code?{" "}
          <Link href="/join">Join a class</Link>.
        </p>
      ) : (
        <ul className="card-list" aria-label="Assignments">
          {assignments.map((a) => (
            <li key={a.id} className="card">
              <Link href={`/essays/${a.essaySlug}?assignment=${a.id}`} className="card-title">
                {a.essayTitle}
              </Link>
              <p className="muted">
                {a.className}
                {a.role === "teacher" ? " · you teach this class" : ""} · due{" "}
                <time dateTime={toIsoString(a.dueAt)}>
                  {formatDate(a.dueAt, timeZone, "due")}
                </time>
                {a.status ? <span className={`badge ${BADGE[a.status]}`}>{COMPLETION_LABELS[a.status]}</span> : null}
                {a.role === "teacher" && a.isPastDue ? <span className="badge badge-warn">past due</span> : null}
                {a.isArchived ? <span className="badge">archived: hidden from students, read-only</span> : null}
              </p>
              {a.role === "student" ? (
                <p className="muted">
                  {a.counts.highlights}/{a.minimums.highlights} highlights · {a.counts.comments}/{a.minimums.comments} comments ·{" "}
                  {a.counts.flags}/{a.minimums.flags} flags
                </p>
              ) : (
                <p>
                  <Link href={`/assignments/${a.id}/review`}>Review the class&rsquo;s reading</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
