import type { Metadata } from "next";
import Link from "next/link";
import { CreateClassForm } from "@/components/classes/create-class-form";
import { InvitationInbox } from "@/components/classes/invitation-inbox";
import { LeaveClassButton } from "@/components/classes/leave-class-button";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listMyClasses } from "@/lib/server/classes/find-classes";
import { listTeacherReadings, type TeacherReading } from "@/lib/server/essays/list-teacher-readings";
import { listMyInvitations } from "@/lib/server/invitations/respond-to-invitation";
import { canTeach } from "@/lib/server/users/account-role";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  const viewer = await requireViewer("/classes");
  const classes = await listMyClasses({ viewerId: viewer.id });
  const [readings, invitations] = await Promise.all([
    listTeacherReadings({ viewerId: viewer.id }),
    listMyInvitations({ viewer }),
  ]);
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
          <h2>Readings</h2>
          {readings.length === 0 ? <p className="muted">Readings you add in the app appear here.</p> : null}
          <ul aria-label="Readings your classes use or you added">
            {readings.map((r) => (
              <li key={r.id}>
                <Link href={`/essays/${r.slug}`}>{r.title}</Link> · {describeReading(r)}
                {r.isOwn ? (
                  <>
                    {" · "}
                    <Link href={`/readings/${r.id}/edit`}>Edit</Link>
                  </>
                ) : null}
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

/** "from the app's essays · read in History 11B", "added by you · not assigned yet · shared with other teachers". */
function describeReading(r: TeacherReading): string {
  const where = r.origin === "file" ? "from the app's essays" : r.isOwn ? "added by you" : "added by another teacher";
  const used = r.classNames.length > 0 ? `read in ${r.classNames.join(", ")}` : "not assigned yet";
  return [where, used, r.isOwn && r.isShared ? "shared with other teachers" : ""].filter(Boolean).join(" · ");
}
