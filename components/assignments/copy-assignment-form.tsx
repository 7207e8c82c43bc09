"use client";

import { useId, useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { useSchoolTimeZone } from "@/components/ui/school-time-zone";
import { fromWallTime } from "@/lib/format/dates";

/** Props for CopyAssignmentForm. */
export interface CopyAssignmentFormProps {
  assignmentId: string;
  /** The other classes the teacher teaches. */
  classes: { id: string; name: string }[];
  /** The original's due date, in the school's wall time (datetime-local). */
  defaultDue: string;
}

type Copied = { assignment: { id: string }; guides: number; answerKeyEntries: number };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Copy to another class": choose one of the other classes the teacher
 * teaches and a due date; the copy takes the settings, the guiding questions
 * and the answer key (never the students' work). Folded in a disclosure so
 * the page's Tab order stays short; a status line says what was copied,
 * with a link to the copy's review page.
 */
export function CopyAssignmentForm({ assignmentId, classes, defaultDue }: CopyAssignmentFormProps) {
  const timeZone = useSchoolTimeZone();
  const ids = { klass: useId(), due: useId() };
  const [classroomId, setClassroomId] = useState(classes[0]?.id ?? "");
  const [due, setDue] = useState(defaultDue);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ copied: Copied; className: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const res = await callApi<Copied>("POST", `/api/assignments/${assignmentId}/copy`, {
      classroomId,
      dueAt: fromWallTime(due, timeZone)?.toISOString() ?? "",
    });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setResult({ copied: res.data, className: classes.find((c) => c.id === classroomId)?.name ?? "the class" });
  }

  return (
    <details className="copy-assignment card">
      <summary>Copy to another class</summary>
      {classes.length === 0 ? (
        <p className="muted">You teach no other class. Create one on the Classes page to copy this assignment to it.</p>
      ) : (
        <form onSubmit={submit} className="copy-assignment-form">
          <p className="muted">
            The copy gets this assignment&apos;s reading, settings, guiding questions and answer key. Students&apos; work stays here.
          </p>
          <div className="field">
            <label htmlFor={ids.klass}>Class to copy to</label>
            <select id={ids.klass} value={classroomId} onChange={(e) => setClassroomId(e.target.value)}>
              {classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.due}>Due in that class</label>
            <input id={ids.due} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} required />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Copying…" : "Copy assignment"}
          </button>
        </form>
      )}
      <p role="status" className="copy-assignment-status">
        {result ? (
          <>
            Copied to {result.className} with {plural(result.copied.guides, "guiding question", "guiding questions")} and{" "}
            {plural(result.copied.answerKeyEntries, "answer-key entry", "answer-key entries")}.{" "}
            <a href={`/assignments/${result.copied.assignment.id}/review`}>Open the copy</a>
          </>
        ) : null}
      </p>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </details>
  );
}
