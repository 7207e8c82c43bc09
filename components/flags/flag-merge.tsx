"use client";

import { useId, useState } from "react";
import type { FlagAnnotation } from "@/lib/annotations/flags";
import { describeVotes, flagStatusLabel } from "@/lib/format/flag-labels";

/** Props for FlagMerge. */
export interface FlagMergeProps {
  /** Flags this one may be merged into (same span, same correction); see findMergeTargets. */
  targets: readonly FlagAnnotation[];
  onMerge: (intoId: string) => Promise<string | null>;
}

/**
 * Merging a duplicate into another flag on the same words with the same
 * correction. Only matching flags are offered, so the API's rule is met
 * before asking; both finders stay credited on the target.
 */
export function FlagMerge({ targets, onMerge }: FlagMergeProps) {
  const id = useId();
  const [intoId, setIntoId] = useState(targets[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  if (targets.length === 0) return null;
  const chosen = targets.some((t) => t.id === intoId) ? intoId : targets[0].id;

  async function merge() {
    if (isBusy) return;
    setBusy(true);
    setError(null);
    const result = await onMerge(chosen);
    setBusy(false);
    if (result) setError(result);
  }

  return (
    <div className="flag-merge">
      <div className="field annotation-field">
        <label htmlFor={`${id}-into`}>Merge this duplicate into</label>
        <select id={`${id}-into`} value={chosen} aria-describedby={`${id}-hint`} onChange={(e) => setIntoId(e.target.value)}>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {`${t.author.name}'s flag — ${flagStatusLabel(t.flag.status)} — ${describeVotes(t.flag.votes)}`}
            </option>
          ))}
        </select>
        <span id={`${id}-hint`} className="annotation-field-hint">
          Only flags on the same words with the same correction are listed. Both finders stay credited.
        </span>
      </div>
      <button type="button" className="button button-quiet button-small" aria-disabled={isBusy} onClick={() => void merge()}>
        {isBusy ? "Merging…" : "Merge"}
      </button>
      <p className="annotation-field-error" role="alert">
        {error}
      </p>
    </div>
  );
}
