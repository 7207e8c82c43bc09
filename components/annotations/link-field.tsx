"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

/** Props for LinkField. */
export interface LinkFieldProps {
  /** The link under the cursor, if any, to edit in place. */
  initialHref: string;
  /** Applies the address; returns an error message to show, or null on success. */
  onApply: (raw: string) => string | null;
  /** Closes the field without changes (Escape or Cancel). */
  onCancel: () => void;
}

/**
 * The small inline address field opened by the Link button or Ctrl+K. It is
 * not a <form>, so it can live inside an edit form without nesting forms;
 * Enter applies and Escape cancels (without also cancelling the comment).
 */
export function LinkField({ initialHref, onApply, onCancel }: LinkFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  function apply() {
    setError(onApply(value));
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      // Marked handled so the editor's Ctrl+Enter handler does not also post.
      event.preventDefault();
      apply();
    }
  }

  function onGroupKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      // Escape closes this field only, not the whole comment box around it.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <div className="link-field" role="group" aria-labelledby={`${id}-label`} onKeyDown={onGroupKeyDown}>
      <label id={`${id}-label`} htmlFor={`${id}-input`} className="link-field-label">
        Link address
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="link-field-input"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onInputKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
      />
      <p id={`${id}-hint`} className="link-field-hint">
        Web (https://) or email (mailto:) addresses. Leave empty to remove the link.
      </p>
      <p id={`${id}-error`} className="link-field-error" role="alert">
        {error}
      </p>
      <div className="link-field-actions">
        <button type="button" className="button" onClick={apply}>
          Apply link
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
