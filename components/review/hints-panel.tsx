"use client";

import { useState } from "react";
import type { ApiResult } from "@/components/ui/api-client";
import { flagCategoryName } from "@/lib/format/flag-labels";
import { confidenceWord, correctionText, hintKindLabel } from "@/lib/format/hint-labels";
import { truncateText } from "@/lib/format/truncate-text";
import type { AnswerKeyEntryDTO, HintDTO } from "@/lib/review/types";
import type { HintListState } from "./use-hint-list";
import { HintEvidence } from "./hint-evidence";
import { PassageInContext } from "./passage-in-context";
import { entryForHint } from "./use-review-data";

/** Props for HintsPanel. */
export interface HintsPanelProps {
  /** The hints, or where fetching them is (the page may come before they are ready). */
  hints: HintListState;
  /** Starts fetching again after the tries ran out. */
  onRetry: () => void;
  entries: readonly AnswerKeyEntryDTO[];
  onAdd: (hint: HintDTO) => Promise<ApiResult<unknown>>;
  /** The current text, for the words around each hint and which occurrence it is. */
  text?: string;
}

/**
 * The automatic hints on the current text, each one click away from the
 * answer key. A hint already in the key keeps its (now inert) button, reading
 * "In the key", so keyboard focus is not lost when the state changes.
 */
export function HintsPanel({ hints: list, onRetry, entries, onAdd, text }: HintsPanelProps) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function add(hint: HintDTO) {
    if (busyId) return;
    setBusyId(hint.id);
    const res = await onAdd(hint);
    setBusyId(null);
    setErrors((current) => ({ ...current, [hint.id]: res.ok ? "" : res.message }));
  }

  if (list.status === "loading") {
    return (
      <p className="review-note" role="status">
        The automatic checks are still running on this text. They will appear here when they are ready.
      </p>
    );
  }
  if (list.status === "failed") {
    return (
      <div className="review-note" role="alert">
        <p>The hints could not be loaded: {list.message}</p>
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  const { hints, revisionId } = list;
  if (hints.length === 0) {
    return <p className="muted">The automatic checks found nothing suspicious in this text.</p>;
  }
  return (
    <ol className="review-list" aria-label="Hints">
      {hints.map((hint) => {
        const inKey = entryForHint(hint, entries, revisionId) !== undefined;
        const isBusy = busyId === hint.id;
        const headingId = `hint-${hint.id}`;
        return (
          <li key={hint.id} className="review-card">
            <h3 id={headingId} className="review-card-heading">
              {hintKindLabel(hint.kind)}
              <span className="review-badge">{confidenceWord(hint.confidence)}</span>
            </h3>
            <PassageInContext quote={hint.quote} placed={text === undefined ? undefined : { text, span: hint.span }} />
            <p>{hint.message}</p>
            <HintEvidence evidence={hint.evidence} />
            <dl className="review-facts">
              <div>
                <dt>Category</dt>
                <dd>{flagCategoryName(hint.category)}</dd>
              </div>
              <div>
                <dt>Suggested fix</dt>
                <dd>{hint.suggestion === null ? "none offered" : correctionText(hint.suggestion)}</dd>
              </div>
            </dl>
            <div className="review-actions">
              <button
                type="button"
                className={inKey ? "button button-quiet review-in-key" : "button button-small"}
                aria-disabled={inKey || isBusy}
                // Many buttons share these words: the passage tells them apart for screen readers.
                aria-label={`${inKey ? "In the key" : isBusy ? "Adding to answer key" : "Add to answer key"}: “${truncateText(hint.quote.exact, 60)}”`}
                onClick={() => (inKey ? undefined : void add(hint))}
              >
                {inKey ? (
                  <>
                    <span aria-hidden="true">✓ </span>In the key
                  </>
                ) : isBusy ? (
                  "Adding…"
                ) : (
                  "Add to answer key"
                )}
              </button>
              <p className="form-error" role="alert">
                {errors[hint.id] || null}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
