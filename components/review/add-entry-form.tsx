"use client";

import { useId, useMemo, useRef, useState } from "react";
import type { ApiResult } from "@/components/ui/api-client";
import type { FlagCategory } from "@/lib/annotations/types";
import { FLAG_CATEGORY_OPTIONS } from "@/lib/format/flag-labels";
import { findPassages, MAX_PASSAGE_CHARS } from "@/lib/review/find-passage";
import type { PassageEntryInput } from "./use-review-data";

/** Props for AddEntryForm. */
export interface AddEntryFormProps {
  /** The current text, to say as the teacher types how often the words occur. */
  text: string;
  onAdd: (input: PassageEntryInput) => Promise<ApiResult<unknown>>;
}

const EMPTY = { words: "", occurrence: "1", category: "" as FlagCategory | "", correction: "", note: "" };

/**
 * "Add by hand": the teacher types or pastes the exact words, says which
 * occurrence when they repeat, and gives category, expected correction and
 * a note. The server finds the words and stores the passage; the count shown
 * here is only a guide while typing.
 */
export function AddEntryForm({ text, onAdd }: AddEntryFormProps) {
  const id = useId();
  const wordsRef = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const count = useMemo(() => findPassages(text, draft.words).length, [text, draft.words]);
  const countText =
    draft.words.trim() === ""
      ? "Copy the words from the reader; line breaks do not matter."
      : count === 0
        ? "These words are not in the essay yet: check spelling and punctuation."
        : count === 1
          ? "These words appear once."
          : `These words appear ${count} times: say which one below.`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (draft.category === "") return setError("Choose what kind of error this is.");
    setBusy(true);
    setError("");
    setStatus("");
    const res = await onAdd({ ...draft, category: draft.category, occurrence: Number(draft.occurrence) });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setDraft(EMPTY);
    setStatus("Added to the answer key.");
    wordsRef.current?.focus();
  }

  const field = (key: keyof typeof EMPTY) => ({
    id: `${id}-${key}`,
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setDraft({ ...draft, [key]: e.target.value }),
  });

  return (
    <form className="review-add-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Add by hand</h3>
      <div className="field">
        <label htmlFor={`${id}-words`}>Exact words of the passage</label>
        <textarea
          {...field("words")}
          ref={wordsRef}
          rows={2}
          required
          maxLength={MAX_PASSAGE_CHARS}
          aria-describedby={`${id}-count`}
        />
        <span id={`${id}-count`} className="review-field-help" aria-live="polite">
          {countText}
        </span>
      </div>
      <div className="review-form-row">
        <div className="field">
          <label htmlFor={`${id}-occurrence`}>Occurrence</label>
          <input {...field("occurrence")} type="number" min={1} max={Math.max(1, count)} inputMode="numeric" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>Category</label>
          <select {...field("category")} required>
            <option value="">Choose…</option>
            {FLAG_CATEGORY_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-correction`}>Expected correction</label>
        <input {...field("correction")} type="text" maxLength={2000} aria-describedby={`${id}-correction-help`} />
        <span id={`${id}-correction-help`} className="review-field-help">
          What the text should say. Leave empty if the passage should be deleted.
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <textarea {...field("note")} rows={2} maxLength={2000} />
      </div>
      <div className="review-actions">
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? "Adding…" : "Add to answer key"}
        </button>
        <p className="form-error" role="alert">
          {error}
        </p>
        <p className="review-status" role="status">
          {status}
        </p>
      </div>
    </form>
  );
}
