"use client";

import { useEffect, useId, useRef, useState } from "react";
import { CommentEditor } from "@/components/annotations/lazy-comment-editor";
import { ScopeSelect } from "@/components/annotations/scope-select";
import { TagInput } from "@/components/annotations/tag-input";
import type { EvidenceDTO, FlagCategory, Scope } from "@/lib/annotations/types";
import { checkFlagForm, evidenceToDraft, type FlagFormErrors } from "@/lib/format/flag-form";
import { describeCorrection, FLAG_CATEGORY_OPTIONS } from "@/lib/format/flag-labels";
import { formatTagInput, parseTagInput } from "@/lib/format/tags";
import type { TiptapDoc } from "@/lib/rich-text";
import { EvidenceEditor, toEvidenceRows, type EvidenceRow } from "./evidence-editor";

/** Everything a flag form produces, checked. */
export interface FlagFormOutput {
  category: FlagCategory;
  correction: string;
  rationale: TiptapDoc;
  evidence: EvidenceDTO[];
  scope: Scope;
  tags: string[];
}

/** Props for FlagForm. */
export interface FlagFormProps {
  /** The flagged words: the correction starts as them, and the preview quotes them. */
  original: string;
  /** When editing: the flag as stored. */
  initial?: Omit<FlagFormOutput, "rationale"> & { rationale: TiptapDoc | null };
  defaultScope?: Scope;
  submitLabel: string;
  /** Saves; resolves to an error message to show, or null on success. */
  onSubmit: (output: FlagFormOutput) => Promise<string | null>;
  onCancel: () => void;
  /** Offer "transcription error": only a scan's OCR text can be misread. */
  isScan?: boolean;
  /** The correction starts empty: a region of a picture has no words to start from. */
  startsEmpty?: boolean;
}

const NO_ERRORS: FlagFormErrors = { evidence: {} };

/**
 * Starting the editor with a document (even an empty one) stops it clearing
 * itself after a submit; the form reports its own problems and keeps the text.
 */
const EMPTY_DOC: TiptapDoc = { type: "doc", content: [{ type: "paragraph" }] };

/**
 * The error-flag form: what kind of error, the replacement for exactly the
 * flagged words (empty deletes them), why (rich text), sources, and who sees
 * it. Checked with the API's own rules before sending; on a problem the
 * message is announced and focus moves to the first field at fault. Only
 * rationale problems go through the editor's own alert (which marks the
 * rich-text box invalid); everything else uses the form's.
 */
export function FlagForm({ original, initial, defaultScope = "class", submitLabel, onSubmit, onCancel, isScan = false, startsEmpty = false }: FlagFormProps) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const [category, setCategory] = useState<FlagCategory | "">(initial?.category ?? "");
  const [correction, setCorrection] = useState(initial?.correction ?? (startsEmpty ? "" : original));
  const [rows, setRows] = useState<EvidenceRow[]>(() => toEvidenceRows((initial?.evidence ?? []).map(evidenceToDraft)));
  const [scope, setScope] = useState<Scope>(initial?.scope ?? defaultScope);
  const [tags, setTags] = useState(() => formatTagInput(initial?.tags ?? []));
  const [tagError, setTagError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FlagFormErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const preview = describeCorrection(original, correction);

  // The first decision is the category, so the form opens there.
  useEffect(() => {
    categoryRef.current?.focus();
  }, []);

  async function submit(rationale: TiptapDoc): Promise<null> {
    const checked = checkFlagForm({ category, correction, evidence: rows });
    const parsedTags = parseTagInput(tags);
    setErrors(checked.ok ? NO_ERRORS : checked.errors);
    setTagError(parsedTags.ok ? null : parsedTags.message);
    if (!checked.ok || !parsedTags.ok) {
      setFormError(checked.ok ? (parsedTags.ok ? null : parsedTags.message) : checked.message);
      // After the alert renders, move to the first field at fault.
      requestAnimationFrame(() =>
        rootRef.current?.querySelector<HTMLElement>("select[aria-invalid='true'], input[aria-invalid='true'], textarea[aria-invalid='true']")?.focus(),
      );
      return null;
    }
    setFormError(null);
    setFormError(await onSubmit({ ...checked.value, rationale, scope, tags: parsedTags.tags }));
    return null;
  }

  const described = (field: "category" | "correction", extra = "") =>
    [extra, errors[field] ? `${id}-${field}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <div className="flag-form" ref={rootRef}>
      <div className="field annotation-field">
        <label htmlFor={`${id}-category`}>What kind of error?</label>
        <select
          id={`${id}-category`}
          ref={categoryRef}
          value={category}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={described("category")}
          aria-required
          onChange={(e) => setCategory(e.target.value as FlagCategory | "")}
        >
          <option value="">Choose a category…</option>
          {FLAG_CATEGORY_OPTIONS.filter((o) => o.value !== "transcription" || isScan || category === "transcription").map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {errors.category ? (
          <span id={`${id}-category-error`} className="annotation-field-error">
            {errors.category}
          </span>
        ) : null}
      </div>

      <div className="field annotation-field">
        <label htmlFor={`${id}-correction`}>Suggested correction</label>
        <input
          id={`${id}-correction`}
          type="text"
          value={correction}
          autoComplete="off"
          spellCheck
          aria-invalid={errors.correction ? true : undefined}
          aria-describedby={described("correction", `${id}-correction-hint ${id}-correction-preview`)}
          onChange={(e) => setCorrection(e.target.value)}
        />
        <span id={`${id}-correction-hint`} className="annotation-field-hint">
          Replaces exactly the selected words; leave empty to delete the passage.
        </span>
        <span id={`${id}-correction-preview`} className="flag-form-preview">
          Proposed: {preview.text}
        </span>
        {errors.correction ? (
          <span id={`${id}-correction-error`} className="annotation-field-error">
            {errors.correction}
          </span>
        ) : null}
      </div>

      <CommentEditor
        label="Why is it wrong? (rationale)"
        noun="rationale"
        placeholder="Explain the error and how you checked it…"
        initialDoc={initial?.rationale ?? EMPTY_DOC}
        submitLabel={submitLabel}
        onCancel={onCancel}
        onSubmit={submit}
        extraFields={
          <div className="flag-form-extra">
            <EvidenceEditor rows={rows} onChange={setRows} errors={errors.evidence} listError={errors.evidenceList} />
            <div className="new-comment-options">
              <ScopeSelect value={scope} onChange={setScope} />
              <TagInput
                value={tags}
                error={tagError}
                onChange={(value) => {
                  setTags(value);
                  setTagError(null);
                }}
              />
            </div>
            <p className="comment-editor-error" role="alert">
              {formError}
            </p>
          </div>
        }
      />
    </div>
  );
}
