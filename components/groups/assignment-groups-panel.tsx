"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/api-client";
import type { AssignmentGroupsDTO } from "@/lib/groups/types";
import { GroupEditor } from "./group-editor";
import "./groups.css";

const USES: readonly { value: AssignmentGroupsDTO["use"]; label: string }[] = [
  { value: "none", label: "No groups: the whole class reads together" },
  { value: "class", label: "The class's groups (made on the class page)" },
  { value: "own", label: "Groups for this assignment only" },
];

/** Props for AssignmentGroupsPanel. */
export interface AssignmentGroupsPanelProps {
  groups: AssignmentGroupsDTO;
  classroomId: string;
  onChange: (groups: AssignmentGroupsDTO) => void;
}

/**
 * Which groups an assignment uses (none, the class's, or its own), and the
 * editor for its own. Switching re-files the assignment's annotations at
 * once; the status line says how many moved.
 */
export function AssignmentGroupsPanel({ groups, classroomId, onChange }: AssignmentGroupsPanelProps) {
  const [use, setUse] = useState(groups.use);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (use === groups.use) return setMessage({ text: "Nothing to save: these are the groups in force.", isError: false });
    setBusy(true);
    const res = await callApi<{ groups: AssignmentGroupsDTO; moved: number }>("PATCH", `/api/assignments/${groups.assignmentId}/groups`, { use });
    setBusy(false);
    if (!res.ok) return setMessage({ text: res.message, isError: true });
    onChange(res.data.groups);
    setMessage({ text: `Saved. ${use === "none" ? "Class comments are seen by the whole class again." : "Class comments are now seen by the author's group and the teachers."}`, isError: false });
  }

  return (
    <div className="stack">
      <form className="inline-form group-use" onSubmit={submit}>
        <label className="field">
          <span>Groups for this assignment</span>
          <select value={use} onChange={(e) => setUse(e.target.value as AssignmentGroupsDTO["use"])}>
            {USES.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit" disabled={busy}>
          Save
        </button>
      </form>
      <p role="status" className={message?.isError ? "form-error" : "group-status"}>
        {message?.text ?? ""}
      </p>
      {groups.use === "class" ? (
        <p className="muted">
          Edit the class&apos;s groups on the <a href={`/classes/${classroomId}#groups-title`}>class page</a>.
        </p>
      ) : null}
      {groups.use === "own" && groups.set ? (
        <GroupEditor
          key={groups.set.id ?? "new"}
          set={groups.set}
          saveUrl={`/api/assignments/${groups.assignmentId}/groups`}
          onSaved={(set) => onChange({ ...groups, set })}
        />
      ) : null}
    </div>
  );
}
