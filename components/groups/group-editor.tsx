"use client";

import { useId, useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { defaultGroupName } from "@/lib/groups/split-groups";
import type { GroupSetDTO } from "@/lib/groups/types";
import "./groups.css";

/** Props for GroupEditor. */
export interface GroupEditorProps {
  /** The set as the server has it (an empty one before the first split). */
  set: GroupSetDTO;
  /** Where the set is saved (PUT { groups } or { auto }). */
  saveUrl: string;
  /** Called with the saved set, so a parent can show it elsewhere (the review page's filter). */
  onSaved?: (set: GroupSetDTO) => void;
}

type Draft = { name: string; memberIds: string[] }[];

const UNPLACED = "";

const draftOf = (set: GroupSetDTO): Draft => set.groups.map((g) => ({ name: g.name, memberIds: [...g.memberIds] }));

function movedText(moved: number): string {
  if (moved === 0) return "";
  return ` ${moved} annotation${moved === 1 ? "" : "s"} moved with ${moved === 1 ? "its author" : "their authors"} to their new group; open readers reload.`;
}

/**
 * A teacher's editor for one set of small groups: split automatically (a
 * number of groups, or groups of about a size) or by hand (name the groups,
 * then choose each student's group from a list). Saving replaces the set;
 * the server re-files the annotations of every assignment using it, which
 * the status line reports.
 */
export function GroupEditor({ set: initial, saveUrl, onSaved }: GroupEditorProps) {
  const id = useId();
  const [set, setSet] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [mode, setMode] = useState<"count" | "size">("count");
  const [amount, setAmount] = useState("4");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const groupOf = (studentId: string) => {
    const index = draft.findIndex((g) => g.memberIds.includes(studentId));
    return index < 0 ? UNPLACED : String(index);
  };

  async function save(body: unknown, done: string) {
    if (busy) return;
    setBusy(true);
    const res = await callApi<{ set: GroupSetDTO; moved: number }>("PUT", saveUrl, body);
    setBusy(false);
    if (!res.ok) return setMessage({ text: res.message, isError: true });
    setSet(res.data.set);
    setDraft(draftOf(res.data.set));
    setMessage({ text: done + movedText(res.data.moved), isError: false });
    onSaved?.(res.data.set);
  }

  function moveStudent(studentId: string, value: string) {
    setDraft((groups) =>
      groups.map((g, i) => ({
        ...g,
        memberIds: String(i) === value ? [...g.memberIds.filter((m) => m !== studentId), studentId] : g.memberIds.filter((m) => m !== studentId),
      })),
    );
  }

  const names = new Map(set.students.map((s) => [s.id, s.name]));

  return (
    <div className="group-editor stack">
      {set.groups.length === 0 ? (
        <p className="muted">No groups yet: everyone reads as one class.</p>
      ) : (
        <ul className="group-list" aria-label="Groups now">
          {set.groups.map((g) => (
            <li key={g.id} className="group-card">
              <strong>{g.name}</strong> ({g.memberIds.length}):{" "}
              {g.memberIds.length === 0 ? <span className="muted">nobody</span> : g.memberIds.map((m) => names.get(m) ?? "a former student").join(", ")}
            </li>
          ))}
          {set.unplaced.memberIds.length > 0 ? (
            <li className="group-card">
              <strong>Not in a group</strong> ({set.unplaced.memberIds.length}): {set.unplaced.memberIds.map((m) => names.get(m)).join(", ")}
            </li>
          ) : null}
        </ul>
      )}

      <form
        className="group-split"
        onSubmit={(event) => {
          event.preventDefault();
          const n = Number(amount);
          if (!Number.isInteger(n) || n < 1) return setMessage({ text: "Enter a whole number of at least 1.", isError: true });
          void save({ auto: mode === "count" ? { count: n } : { size: n } }, "The class was split at random.");
        }}
      >
        <fieldset>
          <legend>Split automatically</legend>
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === "count"} onChange={() => setMode("count")} /> Number of groups
          </label>
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === "size"} onChange={() => setMode("size")} /> Groups of about
          </label>
          <label className="field field-inline">
            <span>{mode === "count" ? "Groups" : "Students a group"}</span>
            <input type="number" min={1} max={mode === "count" ? 50 : 100} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </label>
          <button className="button" type="submit" disabled={busy || set.students.length === 0}>
            Split
          </button>
        </fieldset>
      </form>

      <form
        className="group-hand stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.length === 0) return setMessage({ text: "Add a group first.", isError: true });
          void save({ groups: draft }, "Groups saved.");
        }}
      >
        <fieldset>
          <legend>By hand</legend>
          <ol className="group-names">
            {draft.map((g, i) => (
              <li key={i}>
                <label className="field field-inline">
                  <span>Name of group {i + 1}</span>
                  <input
                    value={g.name}
                    maxLength={60}
                    required
                    onChange={(e) => setDraft((groups) => groups.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                  />
                </label>{" "}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`Remove ${g.name || `group ${i + 1}`}`}
                  onClick={() => setDraft((groups) => groups.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="button button-small button-quiet" onClick={() => setDraft((groups) => [...groups, { name: defaultGroupName(groups.length), memberIds: [] }])}>
            Add a group
          </button>
          {set.students.length === 0 ? (
            <p className="muted">The class has no students yet.</p>
          ) : (
            <div className="review-table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">Each student&apos;s group</caption>
                <thead>
                  <tr>
                    <th scope="col">Student</th>
                    <th scope="col">Group</th>
                  </tr>
                </thead>
                <tbody>
                  {set.students.map((s) => (
                    <tr key={s.id}>
                      <td>{s.name}</td>
                      <td>
                        <select aria-label={`Group for ${s.name}`} value={groupOf(s.id)} onChange={(e) => moveStudent(s.id, e.target.value)}>
                          <option value={UNPLACED}>Not in a group</option>
                          {draft.map((g, i) => (
                            <option key={i} value={String(i)}>
                              {g.name || `Group ${i + 1}`}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <button className="button" type="submit" disabled={busy}>
            Save groups
          </button>
        </fieldset>
      </form>
      <p className="muted">
        In an assignment that uses groups, &ldquo;class&rdquo; comments are seen by the author&apos;s group and the teachers. Changing groups
        mid-assignment moves each student&apos;s comments with them: their new group sees them, their old group no longer does.
      </p>
      <p role="status" className={message?.isError ? "form-error" : "group-status"} aria-live="polite">
        {message?.text ?? ""}
      </p>
    </div>
  );
}
