import type { Metadata } from "next";
import Link from "next/link";
import { listAssignments } from "@/lib/server/assignments/list-assignments";
import { requireViewer } from "@/lib/server/auth/viewer";

export const metadata: Metadata = { title: "My assignments" };

export default async function AssignmentsPage() {
  const viewer = await requireViewer("/assignments");
  const assignments = await listAssignments({ viewerId: viewer.id });
  return (
    <div className="page">
      <h1>My assignments</h1>
      {assignments.length === 0 ? (
        <p className="muted">You have no assignments yet. When your teacher assigns a reading, it appears here.</p>
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
                <time dateTime={a.dueAt.toISOString()}>
                  {a.dueAt.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "long" })}
                </time>
                {a.isPastDue ? <span className="badge badge-warn">past due</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
