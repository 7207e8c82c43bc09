"use client";

import { useEffect, useId, useRef } from "react";
import { emptyEvidenceDraft, type EvidenceDraft, type EvidenceField } from "@/lib/format/flag-form";
import "./evidence-editor.css";

/** A citation row with a stable key, so React keeps each row's fields apart when one is removed. */
export interface EvidenceRow extends EvidenceDraft {
  key: string;
}

/** Turns citations into editable rows. */
export function toEvidenceRows(drafts: readonly EvidenceDraft[]): EvidenceRow[] {
  return drafts.map((d) => ({ ...d, key: crypto.randomUUID() }));
}

/** Props for EvidenceEditor. */
export interface EvidenceEditorProps {
  rows: EvidenceRow[];
  onChange: (rows: EvidenceRow[]) => void;
  /** Messages from checkFlagForm, by row index then field. */
  errors: Record<number, Partial<Record<EvidenceField, string>>>;
  /** A message about the list as a whole (e.g. too many sources). */
  listError?: string;
  /** Most citations the API accepts. */
  max?: number;
}

const FIELDS: { name: EvidenceField; label: string; hint?: string; multiline?: boolean }[] = [
  { name: "title", label: "Title" },
  { name: "author", label: "Author" },
  { name: "year", label: "Year" },
  { name: "url", label: "Link", hint: "Starts with http:// or https://" },
  { name: "locator", label: "Page or locator", hint: "e.g. p. 270, ch. 4" },
  { name: "quote", label: "Quoted passage", multiline: true },
];

/**
 * Sources cited for a flag: add, edit and remove citations. Each citation is
 * a labelled group of plain fields. After adding, focus goes to the new
 * title; after removing, to the next citation or the Add button, so a
 * keyboard user is never dropped on <body>.
 */
export function EvidenceEditor({ rows, onChange, errors, listError, max = 10 }: EvidenceEditorProps) {
  const id = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | "add" | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === "add") addRef.current?.focus();
    else document.getElementById(`${id}-${target}-title`)?.focus();
  });

  const set = (key: string, field: EvidenceField, value: string) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  const add = () => {
    const row = { ...emptyEvidenceDraft(), key: crypto.randomUUID() };
    focusNext.current = row.key;
    onChange([...rows, row]);
  };

  const remove = (index: number) => {
    focusNext.current = rows[index + 1]?.key ?? rows[index - 1]?.key ?? "add";
    onChange(rows.filter((_, i) => i !== index));
  };

  return (
    <fieldset className="evidence-editor">
      <legend>Sources (optional)</legend>
      {rows.length === 0 ? <p className="evidence-empty">No sources yet. A source makes a flag easier to verify.</p> : null}
      {rows.map((row, index) => (
        <fieldset key={row.key} className="evidence-row">
          <legend>Source {index + 1}</legend>
          {FIELDS.map((f) => {
            const fieldId = `${id}-${row.key}-${f.name}`;
            const error = errors[index]?.[f.name];
            const describedBy = [f.hint ? `${fieldId}-hint` : "", error ? `${fieldId}-error` : ""].filter(Boolean).join(" ");
            const common = {
              id: fieldId,
              value: row[f.name],
              "aria-invalid": error ? true : undefined,
              "aria-describedby": describedBy || undefined,
              "aria-required": f.name === "title" ? true : undefined,
            };
            return (
              <div key={f.name} className={`field evidence-field evidence-${f.name}`}>
                <label htmlFor={fieldId}>
                  {f.label}
                  {f.name === "title" ? <span className="evidence-required"> (required)</span> : null}
                </label>
                {f.multiline ? (
                  <textarea {...common} rows={2} onChange={(e) => set(row.key, f.name, e.target.value)} />
                ) : (
                  <input
                    {...common}
                    type={f.name === "url" ? "url" : "text"}
                    inputMode={f.name === "url" ? "url" : undefined}
                    autoComplete="off"
                    onChange={(e) => set(row.key, f.name, e.target.value)}
                  />
                )}
                {f.hint ? (
                  <span id={`${fieldId}-hint`} className="annotation-field-hint">
                    {f.hint}
                  </span>
                ) : null}
                {error ? (
                  <span id={`${fieldId}-error`} className="annotation-field-error">
                    {error}
                  </span>
                ) : null}
              </div>
            );
          })}
          <button type="button" className="button button-quiet button-small" onClick={() => remove(index)}>
            Remove source {index + 1}
          </button>
        </fieldset>
      ))}
      {listError ? <p className="annotation-field-error">{listError}</p> : null}
      {rows.length < max ? (
        <button type="button" ref={addRef} className="button button-quiet button-small" onClick={add}>
          Add a source
        </button>
      ) : (
        <p className="annotation-field-hint">You can cite at most {max} sources.</p>
      )}
    </fieldset>
  );
}
