"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/api-client";
import type { GradeBook } from "@/lib/server/grades/grade-book";

const SYNC_LABEL = { pending: "Sending…", sent: "Sent", failed: "Failed" } as const;

/**
 * Grades for the learning platform's gradebook (an assignment a course links
 * to): each student's completion score, a grade the teacher may set instead,
 * a button to release them all, and how sending went.
 */
export function GradesPanel({ initial }: { initial: GradeBook }) {
  const { assignmentId } = initial;
  const [book, setBook] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = async () => {
    const res = await callApi<GradeBook>("GET", `/api/assignments/${assignmentId}/grades`);
    if (res.ok) setBook(res.data);
  };

  if (!book.isLinked) return null;
  const setGrade = async (studentId: string, value: string) => {
    const score = value.trim() === "" ? null : Number(value);
    const res = await callApi("PUT", `/api/assignments/${assignmentId}/grades/${studentId}`, { score });
    setMessage(res.ok ? null : { ok: false, text: res.message });
    await load();
  };
  const release = async () => {
    const res = await callApi<{ queued: number }>("POST", `/api/assignments/${assignmentId}/grades/release`);
    setMessage(res.ok ? { ok: true, text: `Grades released: ${res.data.queued} on their way to the course's gradebook.` } : { ok: false, text: res.message });
    await load();
  };

  return (
    <section className="card stack" aria-labelledby="grades-heading">
      <h2 id="grades-heading">Grades for the course&rsquo;s gradebook</h2>
      <p className="muted">
        {book.releasedAt
          ? "Released: every student’s grade goes to the learning platform, and changes follow."
          : "Students who meet the minimums get 100 in the gradebook as they do. Release grades to send everyone’s, with the grades you set here."}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Completion</th>
            <th scope="col">Your grade</th>
            <th scope="col">Gradebook</th>
          </tr>
        </thead>
        <tbody>
          {book.rows.map((row) => (
            <tr key={row.student.id}>
              <td>{row.student.name}</td>
              <td>{row.completionScore}%</td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  aria-label={`Grade for ${row.student.name}`}
                  defaultValue={row.teacherGrade ?? ""}
                  onBlur={(e) => {
                    if (e.currentTarget.value !== String(row.teacherGrade ?? "")) void setGrade(row.student.id, e.currentTarget.value);
                  }}
                />
              </td>
              <td title={row.sync?.lastError ?? undefined}>
                {row.sync ? `${SYNC_LABEL[row.sync.state]}${row.sync.lastSentScore !== null ? ` (${row.sync.lastSentScore})` : ""}` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" className="button" onClick={() => void release()}>
          {book.releasedAt ? "Send all grades again" : "Release grades"}
        </button>
      </p>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "form-error"}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
