"use client";

import { useId, useRef, useState } from "react";
import { usePanel } from "@/components/annotations/use-panel";
import { canMergeInto, mergeTargetNote, type FlagAnnotation } from "@/lib/annotations/flags";
import { describeMerge, describeVotes, flagStatusLabel } from "@/lib/format/flag-labels";
import "./flag-merge.css";

/** Props for FlagMerge. */
export interface FlagMergeProps {
  /** The duplicate to merge away. */
  flag: FlagAnnotation;
  /** Flags on the same finding (see findMergeTargets); rejected ones are listed marked and cannot be chosen. */
  targets: readonly FlagAnnotation[];
  /** "Ben Hughes’s flag", for accessible names. */
  whose: string;
  onMerge: (intoId: string) => Promise<string | null>;
  /** Under a thread card in the reader, or in the dashboard's flag queue (their own styles). */
  place?: "card" | "queue";
}

const CLASSES = {
  card: { group: "flag-merge", help: "annotation-field-hint", error: "annotation-field-error", actions: "annotation-actions" },
  queue: { group: "flag-merge flag-merge-queue", help: "review-field-help", error: "form-error", actions: "review-actions" },
} as const;

/**
 * Merging a duplicate into another flag on the same words with the same
 * correction, after a confirmation that says what goes into what and who
 * keeps the credit. Rejected flags are shown, marked, but cannot be chosen
 * (lib/annotations/flags.ts canMergeInto says why). A merge can be undone
 * from the merged flag ("Undo merge").
 */
export function FlagMerge({ flag, targets, whose, onMerge, place = "card" }: FlagMergeProps) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const panel = usePanel<"merge">(rootRef);
  const selectable = targets.filter(canMergeInto);
  const [intoId, setIntoId] = useState(selectable[0]?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const css = CLASSES[place];
  if (targets.length === 0) return null;
  const chosen = selectable.find((t) => t.id === intoId) ?? selectable[0];

  if (!chosen) {
    const only = targets.length === 1 ? `The other flag on these words (${targets[0].author.name}’s) was` : "The other flags on these words were";
    return <p className={css.help}>{only} rejected, so this one cannot be merged into {targets.length === 1 ? "it" : "them"}.</p>;
  }
  const words = describeMerge(flag, chosen);

  async function merge() {
    if (isBusy || !chosen) return;
    setBusy(true);
    setError(null);
    const result = await onMerge(chosen.id);
    setBusy(false);
    if (result) setError(result);
    // On success this flag is merged and its card changes; the caller moves focus to its "Undo merge".
    else panel.close();
  }

  return (
    <div className={css.group} ref={rootRef} tabIndex={-1}>
      {panel.open === "merge" ? (
        <section
          className="flag-merge-confirm"
          aria-labelledby={`${id}-question`}
          onKeyDown={(e) => {
            if (e.key === "Escape" && !isBusy) {
              e.stopPropagation();
              panel.close();
            }
          }}
        >
          {targets.length > 1 ? (
            <fieldset className="flag-merge-targets">
              <legend>Merge into</legend>
              {targets.map((t) => {
                const note = mergeTargetNote(t);
                return (
                  <label key={t.id} className={note ? "flag-merge-target is-unavailable" : "flag-merge-target"}>
                    <input
                      type="radio"
                      name={`${id}-into`}
                      value={t.id}
                      checked={t.id === chosen.id}
                      disabled={note !== null}
                      onChange={() => setIntoId(t.id)}
                    />{" "}
                    {`${t.author.name}’s flag · ${flagStatusLabel(t.flag.status)} · ${describeVotes(t.flag.votes)}`}
                    {note ? <strong className="flag-merge-note"> — {note}</strong> : null}
                  </label>
                );
              })}
            </fieldset>
          ) : null}
          <p id={`${id}-question`} className="flag-merge-question">
            <strong>{words.question}</strong>
          </p>
          <p className={css.help}>{words.credit}</p>
          <p className={css.help}>{words.after}</p>
          <p className={css.error} role="alert">
            {error}
          </p>
          <div className={css.actions}>
            <button type="button" className="button button-small" aria-disabled={isBusy} autoFocus onClick={() => void merge()}>
              {isBusy ? "Merging…" : `Merge into ${chosen.author.name}’s flag`}
            </button>
            <button type="button" className="button button-quiet button-small" aria-disabled={isBusy} onClick={() => !isBusy && panel.close()}>
              Cancel
            </button>
          </div>
        </section>
      ) : (
        <div className={css.actions}>
          <button
            type="button"
            className="button button-quiet button-small"
            ref={panel.trigger("merge")}
            aria-label={`Merge ${whose} into another flag`}
            onClick={() => {
              setError(null);
              panel.show("merge");
            }}
          >
            Merge into another flag…
          </button>
        </div>
      )}
    </div>
  );
}
