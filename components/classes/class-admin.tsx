"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { callApi } from "@/components/ui/api-client";
import { CopyableText } from "@/components/ui/copyable-text";
import { AssignmentActions } from "./assignment-actions";
import { PendingInvitations, type PendingInvitation } from "./pending-invitations";
import { useSchoolTimeZone } from "@/components/ui/school-time-zone";
import { formatDate } from "@/lib/format/dates";

/** The page's origin never changes while it is open: nothing to subscribe to. */
const noSubscription = () => () => {};

interface Member {
  id: string;
  name: string;
  email: string;
  role: "teacher" | "student";
  mustChangePassword: boolean;
}

interface Props {
  viewerId: string;
  classroom: {
    id: string;
    name: string;
    joinCode: string;
    members: Member[];
    assignments: { id: string; dueAt: string; slug: string; title: string; isArchived: boolean }[];
    invitations: PendingInvitation[];
  };
}

type Added = { name: string; email: string; oneTimePassword: string };

/** The teacher's page for one class: join code, roster, adding people, assignments. */
export function ClassAdmin({ viewerId, classroom }: Props) {
  const router = useRouter();
  const timeZone = useSchoolTimeZone();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [added, setAdded] = useState<Added[] | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  // The server renders the path, the browser then adds its origin: reading `window` during the
  // first render instead made the hydrated text differ from the server's (React error 418).
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const joinLink = `${origin}/join?code=${classroom.joinCode}`;

  const act = async (method: string, url: string, body: unknown, done: string) => {
    const res = await callApi<Record<string, unknown>>(method, url, body);
    setStatus(res.ok ? { ok: true, text: done } : { ok: false, text: res.message });
    if (res.ok) router.refresh();
    return res;
  };

  const students = classroom.members.filter((m) => m.role === "student");
  const teachers = classroom.members.filter((m) => m.role === "teacher");

  return (
    <div className="stack">
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={status.ok ? "notice" : "form-error"}>
          {status.text}
        </p>
      ) : null}

      <section aria-labelledby="code-title" className="card">
        <h2 id="code-title">Join code</h2>
        <p>
          Code: <strong data-testid="join-code" className="join-code">{classroom.joinCode}</strong>
        </p>
        <p>
          Join link: <CopyableText text={joinLink} label="Copy the join link" />
        </p>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => act("POST", `/api/classes/${classroom.id}/join-code`, {}, "A new join code is ready. The old one no longer works.")}
        >
          Renew the code
        </button>
      </section>

      <section aria-labelledby="roster-title" className="card">
        <h2 id="roster-title">Students ({students.length})</h2>
        {students.length === 0 ? <p className="muted">No students yet: share the join code, or add them below.</p> : null}
        <table className="data-table">
          <caption className="visually-hidden">Students in {classroom.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {students.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.name}
                  {m.mustChangePassword ? <span className="badge badge-warn">one-time password</span> : null}
                </td>
                <td>{m.email}</td>
                <td>
                  {confirmRemove === m.id ? (
                    <>
                      <button
                        type="button"
                        className="button button-small button-danger"
                        onClick={async () => {
                          await act("DELETE", `/api/classes/${classroom.id}/members/${m.id}`, {}, `${m.name} was removed from the class.`);
                          setConfirmRemove(null);
                        }}
                      >
                        Yes, remove {m.name}
                      </button>{" "}
                      <button type="button" className="button button-small button-quiet" onClick={() => setConfirmRemove(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      aria-label={`Remove ${m.name} from the class`}
                      onClick={() => setConfirmRemove(m.id)}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const list = String(new FormData(form).get("list") ?? "");
            const res = await act("POST", `/api/classes/${classroom.id}/students`, { list }, "Students invited.");
            if (res.ok) {
              setAdded((res.data as { added: Added[] }).added);
              form.reset();
            }
          }}
        >
          <label className="field">
            <span>Invite students: one per line, as “Name, email”</span>
            <textarea name="list" rows={4} placeholder={"Dana Ortiz, dana@school.edu\nEli Novak <eli@school.edu>"} />
          </label>
          <button className="button" type="submit">
            Invite students
          </button>
        </form>
        {added ? (
          <div role="region" aria-labelledby="passwords-title" className="notice">
            <h3 id="passwords-title">One-time passwords: copy them now, they are not shown again</h3>
            <p>
              Hand each student their line. They sign in with this email and the one-time password (it works for 7 days), choose
              their own password, then accept the invitation on their Classes page. Someone who already has an account signs in
              with their own password instead: the code then does nothing, and the invitation waits for them the same way.
            </p>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">One-time password</th>
                </tr>
              </thead>
              <tbody>
                {added.map((a) => (
                  <tr key={a.email}>
                    <td>{a.name}</td>
                    <td>{a.email}</td>
                    <td>
                      <code>{a.oneTimePassword}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="teachers-title" className="card">
        <h2 id="teachers-title">Teachers</h2>
        <ul>
          {teachers.map((t) => (
            <li key={t.id}>
              {t.name} ({t.email}){t.id === viewerId ? " — you" : ""}
            </li>
          ))}
        </ul>
        <form
          className="inline-form"
          onSubmit={async (event) => {
            event.preventDefault();
            const email = String(new FormData(event.currentTarget).get("email") ?? "");
            await act("POST", `/api/classes/${classroom.id}/teachers`, { email }, `Invitation sent to ${email}: they join once they accept it in the app.`);
          }}
        >
          <label className="field">
            <span>Invite a co-teacher by email</span>
            <input name="email" type="email" required />
          </label>
          <button className="button button-quiet" type="submit">
            Invite teacher
          </button>
        </form>
      </section>

      {classroom.invitations.length > 0 ? <PendingInvitations invitations={classroom.invitations} /> : null}

      <section aria-labelledby="assignments-title" className="card">
        <h2 id="assignments-title">Assignments</h2>
        {classroom.assignments.length === 0 ? <p className="muted">Nothing assigned yet.</p> : null}
        <ul>
          {classroom.assignments.map((a) => (
            <li key={a.id}>
              <a href={`/essays/${a.slug}?assignment=${a.id}`}>{a.title}</a> · due <time dateTime={a.dueAt}>{formatDate(a.dueAt, timeZone, "due")}</time> ·{" "}
              <a href={`/assignments/${a.id}/review`}>Review</a> · <AssignmentActions id={a.id} title={a.title} isArchived={a.isArchived} />
            </li>
          ))}
        </ul>
        <p>
          <a className="button" href={`/classes/${classroom.id}/assign`}>
            Assign a reading
          </a>
        </p>
      </section>
    </div>
  );
}
