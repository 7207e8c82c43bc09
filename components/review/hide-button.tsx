"use client";

import { useState } from "react";

/** Props for HideButton. */
export interface HideButtonProps {
  isHidden: boolean;
  /** "Ana Petrova’s comment on “…”", for the accessible name. */
  whose: string;
  /** Sends the change; resolves to an error sentence, or null when it was saved. */
  onChange: (hidden: boolean) => Promise<string | null>;
}

/**
 * Hides an annotation from the class, or shows it again. The button stays
 * the same element when its state flips (only its words change), so
 * keyboard focus stays on it. Failures are said next to it in an alert.
 */
export function HideButton({ isHidden, whose, onChange }: HideButtonProps) {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = isHidden ? "Unhide" : "Hide from the class";

  async function toggle() {
    if (isBusy) return;
    setBusy(true);
    setError(null);
    setError(await onChange(!isHidden));
    setBusy(false);
  }

  return (
    <>
      <button
        type="button"
        className="button button-quiet button-small"
        aria-disabled={isBusy}
        aria-label={`${words}: ${whose}`}
        onClick={() => void toggle()}
      >
        {isBusy ? "Saving…" : words}
      </button>
      <span className="form-error" role="alert">
        {error}
      </span>
    </>
  );
}
