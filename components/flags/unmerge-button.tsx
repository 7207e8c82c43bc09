"use client";

import { useState } from "react";

/** Props for UnmergeButton. */
export interface UnmergeButtonProps {
  /** "Ben Hughes’s flag", for the accessible name. */
  whose: string;
  /** "Ana Petrova’s flag", when known: the flag it was merged into. */
  into?: string;
  /** Sends the undo; resolves to an error sentence, or null when it was done. */
  onUnmerge: () => Promise<string | null>;
}

/**
 * "Undo merge" on a merged flag: it stands on its own again with the status
 * it had, and its finders are no longer credited on the other flag
 * (lib/server/flags/unmerge-flag.ts). Failures are said next to it.
 */
export function UnmergeButton({ whose, into, onUnmerge }: UnmergeButtonProps) {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function undo() {
    if (isBusy) return;
    setBusy(true);
    setError(null);
    const result = await onUnmerge();
    setBusy(false);
    setError(result);
  }

  return (
    <>
      <button
        type="button"
        className="button button-quiet button-small"
        data-unmerge
        aria-disabled={isBusy}
        aria-label={`Undo merge: take ${whose} back out of ${into ?? "the flag it was merged into"}`}
        onClick={() => void undo()}
      >
        {isBusy ? "Undoing…" : "Undo merge"}
      </button>
      <span className="form-error" role="alert">
        {error}
      </span>
    </>
  );
}
