"use client";

import { useEffect, useRef, useState } from "react";

/** Props for DeleteConfirm. */
export interface DeleteConfirmProps {
  /** What is being deleted, for the question and button names: "your comment". */
  what: string;
  /** An extra line, e.g. that replies stay visible. */
  note?: string;
  /** Deletes; resolves to an error message to show, or nothing on success. */
  onConfirm: () => Promise<string | null | void>;
  onCancel: () => void;
  /** Called after a successful delete (the caller moves focus). */
  onDone: () => void;
}

/**
 * Inline "are you sure?" step (no window.confirm, which blocks the page and
 * cannot be styled or labelled). Focus starts on "Keep it", so an accidental
 * Enter never deletes; Escape also keeps.
 */
export function DeleteConfirm({ what, note, onConfirm, onCancel, onDone }: DeleteConfirmProps) {
  const keepRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    keepRef.current?.focus();
  }, []);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    let result: string | null | void;
    try {
      result = await onConfirm();
    } catch {
      result = "Could not delete. Check your connection and try again.";
    }
    setBusy(false);
    if (result) setError(result);
    else onDone();
  }

  return (
    <div
      className="delete-confirm"
      role="group"
      aria-label={`Delete ${what}?`}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p className="delete-confirm-question">Delete {what}?</p>
      {note ? <p className="delete-confirm-note">{note}</p> : null}
      <p className="delete-confirm-error" role="alert">
        {error}
      </p>
      <div className="delete-confirm-actions">
        <button
          type="button"
          className="button button-danger"
          onClick={() => void confirm()}
          aria-disabled={busy}
          aria-label={busy ? undefined : `Yes, delete ${what}`}
        >
          {busy ? "Deleting…" : "Yes, delete"}
        </button>
        <button type="button" className="button button-quiet" ref={keepRef} onClick={() => !busy && onCancel()} aria-disabled={busy}>
          Keep it
        </button>
      </div>
    </div>
  );
}
