"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CommentEditor } from "@/components/annotations/lazy-comment-editor";
import { callApi } from "@/components/ui/api-client";
import { useSchoolTimeZone } from "@/components/ui/school-time-zone";
import { fromWallTime } from "@/lib/format/dates";
import type { TiptapDoc } from "@/lib/rich-text";

interface Props {
  classroomId: string;
  essays: { id: string; title: string; origin: string }[];
  defaultDue: string;
  /** Called with the new assignment's id instead of going to the class page (the LTI picker uses it). */
  onAssigned?: (assignmentId: string) => void;
}

/** Assign a reading: due date, instructions, peer-flag and hint settings, anonymity, minimums. */
export function AssignForm({ classroomId, essays, defaultDue, onAssigned }: Props) {
  const router = useRouter();
  const timeZone = useSchoolTimeZone();
  const [form, setForm] = useState({
    essayId: essays[0]?.id ?? "",
    dueAt: defaultDue,
    peerFlagVisibility: "after_own_flag",
    hintVisibility: "after_due",
    anonymousPeers: false,
    minHighlights: 3,
    minComments: 1,
    minFlags: 1,
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (instructions: TiptapDoc) => {
    const res = await callApi<{ assignment: { id: string } }>("POST", `/api/classes/${classroomId}/assignments`, {
      ...form,
      // The time typed is the school's, whatever zone this computer is set to; the API refuses an empty one with a sentence.
      dueAt: fromWallTime(form.dueAt, timeZone)?.toISOString() ?? "",
      instructions,
    });
    if (!res.ok) return res.message;
    if (onAssigned) onAssigned(res.data.assignment.id);
    else router.push(`/classes/${classroomId}`);
    return null;
  };

  return (
    <div className="stack">
      <label className="field">
        <span>Reading</span>
        <select value={form.essayId} onChange={(e) => set({ essayId: e.target.value })}>
          {essays.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
              {e.origin === "teacher" ? " (added by a teacher)" : ""}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Due ({timeZone === "UTC" ? "UTC" : `${timeZone} time`})</span>
        <input type="datetime-local" value={form.dueAt} onChange={(e) => set({ dueAt: e.target.value })} required />
      </label>
      <label className="field">
        <span>Students see classmates&rsquo; flags</span>
        <select value={form.peerFlagVisibility} onChange={(e) => set({ peerFlagVisibility: e.target.value })}>
          <option value="after_own_flag">After posting their own first flag</option>
          <option value="after_due">After the due date</option>
          <option value="always">Always</option>
        </select>
      </label>
      <label className="field">
        <span>Students see automatic hints</span>
        <select value={form.hintVisibility} onChange={(e) => set({ hintVisibility: e.target.value })}>
          <option value="never">Never</option>
          <option value="after_due">After the due date</option>
          <option value="always">Always</option>
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={form.anonymousPeers} onChange={(e) => set({ anonymousPeers: e.target.checked })} /> Students are
        anonymous to each other (you always see names)
      </label>
      <fieldset className="inline-form">
        <legend>Minimum per student, for completion</legend>
        {(["minHighlights", "minComments", "minFlags"] as const).map((key) => (
          <label key={key} className="field">
            <span>{key === "minHighlights" ? "Highlights" : key === "minComments" ? "Comments" : "Flags"}</span>
            <input type="number" min={0} max={100} value={form[key]} onChange={(e) => set({ [key]: Number(e.target.value) })} />
          </label>
        ))}
      </fieldset>
      <CommentEditor label="Instructions for students" noun="instructions" submitLabel="Assign" allowEmpty onSubmit={submit} />
    </div>
  );
}
