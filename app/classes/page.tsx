import type { Metadata } from "next";
import Link from "next/link";
import { CreateClassForm } from "@/components/classes/create-class-form";
import { InvitationInbox } from "@/components/classes/invitation-inbox";
import { LeaveClassButton } from "@/components/classes/leave-class-button";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listMyClasses } from "@/lib/server/classes/find-classes";
import { listOwnReadings } from "@/lib/server/essays/reading-writes";
import { listMyInvitations } from "@/lib/server/invitations/respond-to-invitation";
import { canTeach } from "@/lib/server/users/account-role";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  const viewer = await requireViewer("/classes");
  const classes = await listMyClasses({ viewerId: viewer.id });
  const readings = await listOwnReadings({ viewerId: viewer.id });
  const invitations = await listMyInvitations({ viewer });
  const isTeacher = classes.some((c) => c.role === "teacher");
  return (
    <div className="page">
      <h1>Classes</h1>
      <InvitationInbox invitations={invitations} />
      {classes.length === 0 ? <p className="muted">You are not in any class yet.</p> : null}
      <ul className="card-list" aria-label="Your classes">
        {classes.map((c) => (
          <li key={c.id} className="card">
            {c.role === "teacher" ? (
              <Link className="card-title" href={`/classes/${c.id}`}>
                {c.name}
              </Link>
            ) : (
              <span className="card-title">{c.name}</span>
            )}
            <p className="muted">
              {c.role === "teacher" ? `You teach this class · ${c.students} students` : "You are a student in this class"}
            </p>
            {c.role === "student" ? <LeaveClassButton classId={c.id} className={c.name} /> : null}
          </li>
        ))}
      </ul>
      {isTeacher ? (
        <>
          <h2>Your readings</h2>
          {readings.length === 0 ? <p className="muted">You have not added a reading yet.</p> : null}
          <ul>
            {readings.map((r) => (
              <li key={r.id}>
                <Link href={`/essays/${r.slug}`}>{r.title}</Link> · <Link href={`/readings/${r.id}/edit`}>Edit</Link>
                {r.isShared ? " · shared with other teachers" : ""}
              </li>
            ))}
          </ul>
          <p>
            <Link className="button button-quiet" href="/readings/new">
              Add a reading
            </Link>
          </p>
        </>
      ) : null}
      <h2>Start a class</h2>
      {canTeach(viewer.accountRole) ? (
        <CreateClassForm />
      ) : (
        <p className="muted">Only teacher accounts start classes. Teachers are invited by an administrator of this site.</p>
      )}
      <h2>Join a class</h2>
      <p>
        Have a code from your teacher? <Link href="/join">Join a class</Link>.
      </p>
    </div>
  );
}
