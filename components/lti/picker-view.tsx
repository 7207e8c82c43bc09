"use client";

import { useRef, useState } from "react";
import { AssignForm } from "@/components/classes/assign-form";
import { callApi } from "@/components/ui/api-client";
import type { PickerMode } from "@/lib/server/lti/deep-linking";

interface Props {
  picker: {
    launchId: string;
    mode: PickerMode;
    classroomId: string;
    className: string;
    /** `due`: the due date as the page formatted it (the same text on the server and in the browser). */
    assignments: { id: string; title: string; due: string }[];
  };
  essays: { id: string; title: string; origin: string }[];
  defaultDue: string;
}

/**
 * The choice a launch asks for. For deep linking the choice is posted as a
 * form (the answer navigates the platform's frame back to the platform); for
 * a course link it is a JSON call, then the link's reading opens.
 */
export function PickerView({ picker, essays, defaultDue }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [isCreating, setIsCreating] = useState(picker.assignments.length === 0);

  if (picker.mode === "waiting") {
    return (
      <>
        <h1>Not ready yet</h1>
        <p className="notice" role="status">
          Your teacher has not chosen a reading for this link in {picker.className} yet. Try again later.
        </p>
      </>
    );
  }

  const choose = async (assignmentId: string) => {
    setError(null);
    if (picker.mode === "deep-link" && form.current) {
      (form.current.elements.namedItem("assignment") as HTMLInputElement).value = assignmentId;
      form.current.requestSubmit();
      return;
    }
    const res = await callApi<{ href: string }>("POST", `/api/lti/launches/${picker.launchId}/link`, { assignmentId });
    if (!res.ok) return setError(res.message);
    window.location.assign(res.data.href);
  };

  return (
    <>
      <h1>{picker.mode === "deep-link" ? "Add a reading to your course" : "Choose what this link opens"}</h1>
      <p className="muted">Class: {picker.className}</p>
      <form ref={form} method="post" action="/api/lti/deep-linking" hidden>
        <input type="hidden" name="launch" value={picker.launchId} />
        <input type="hidden" name="assignment" defaultValue="" />
      </form>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {picker.assignments.length > 0 ? (
        <ul className="card-list" aria-label="Assignments of this class">
          {picker.assignments.map((a) => (
            <li key={a.id} className="card">
              <span className="card-title">{a.title}</span>{" "}
              <span className="muted">due {a.due}</span>{" "}
              <button type="button" className="button button-small" onClick={() => void choose(a.id)}>
                Use “{a.title}”
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {isCreating ? (
        <>
          <h2>New assignment</h2>
          <AssignForm classroomId={picker.classroomId} essays={essays} defaultDue={defaultDue} onAssigned={(id) => void choose(id)} />
        </>
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setIsCreating(true)}>
          Make a new assignment
        </button>
      )}
    </>
  );
}
