"use client";

import { useId } from "react";

/** Props for TagInput. */
export interface TagInputProps {
  /** The raw comma-separated text; parse it with parseTagInput (lib/format/tags). */
  value: string;
  onChange: (value: string) => void;
  /** A message from parseTagInput, shown under the field and marking it invalid. */
  error?: string | null;
  label?: string;
  disabled?: boolean;
}

/**
 * A plain text field for comma-separated tags. Deliberately not a chip
 * widget: one text box is fully usable with a keyboard and a screen reader,
 * and validation happens on save.
 */
export function TagInput({ value, onChange, error, label = "Tags", disabled }: TagInputProps) {
  const id = useId();
  return (
    <div className="field annotation-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        disabled={disabled}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
      <span id={`${id}-hint`} className="annotation-field-hint">
        Separate tags with commas, e.g. dates, sources. Up to 10.
      </span>
      {error ? (
        <span id={`${id}-error`} className="annotation-field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
