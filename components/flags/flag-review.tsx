"use client";

import { useId, useRef, useState } from "react";
import { usePanel } from "@/components/annotations/use-panel";
import type { FlagDTO } from "@/lib/annotations/types";
import { checkReviewForm, type ReviewStatus } from "@/lib/format/flag-form";

/** Props for FlagReview. */
export interface FlagReviewProps {
  flag: FlagDTO;
  /** "Ana Petrova's flag", for accessible names. */
  whose: string;
  onReview: (decision: { status: ReviewStatus; reason: string; correction?: string }) => Promise<string | null>;
}

const ACTIONS: { status: ReviewStatus; button: string; confirm: string; reasonLabel: string }[] = [
  { status: "verified", button: "Verify", confirm: "Verify flag", reasonLabel: "Note to the class (optional)" },
  { status: "rejected", button: "Reject", confirm: "Reject flag", reasonLabel: "Why is it rejected? (required, the student sees it)" },
  { status: "needs_evidence", button: "Needs evidence", confirm: "Ask for evidence", reasonLabel: "What evidence is needed?" },
  { status: "open", button: "Reopen", confirm: "Reopen flag", reasonLabel: "Reason (optional)" },
];

/**
 * The teacher's decision on a flag: verify (the correction can be edited
 * first), reject with a reason, ask for evidence, or reopen. One decision
 * panel at a time; focus goes to its first field, and back to the button
 * that opened it when it closes.
 */
export function FlagReview({ flag, whose, onReview }: FlagReviewProps) {
  const id = useId();
  const groupRef = useRef<HTMLDivElement>(null);
  const panel = usePanel<ReviewStatus>(groupRef);
  const [reason, setReason] = useState("");
  const [correction, setCorrection] = useState(flag.correction);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const action = ACTIONS.find((a) => a.status === panel.open);

  function open(status: ReviewStatus) {
    setReason(status === "verified" ? "" : (flag.statusReason ?? ""));
    setCorrection(flag.correction);
    setError(null);
    panel.show(status);
  }

  async function confirm() {
    if (!action || isBusy) return;
    const changed = action.status === "verified" && correction !== flag.correction ? correction : undefined;
    const checked = checkReviewForm(action.status, reason, changed);
    if (!checked.ok) {
      setError(checked.message);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await onReview(checked.value);
    setBusy(false);
    if (result) setError(result);
    else panel.close();
  }

  return (
    <div className="flag-review" role="group" aria-label={`Review ${whose}`} ref={groupRef} tabIndex={-1}>
      {action ? (
        <div
          className="flag-review-panel"
          onKeyDown={(e) => {
            if (e.key === "Escape" && !isBusy) {
              e.stopPropagation();
              panel.close();
            }
          }}
        >
          {action.status === "verified" ? (
            <div className="field annotation-field">
              <label htmlFor={`${id}-correction`}>Correction</label>
              <input
                id={`${id}-correction`}
                type="text"
                value={correction}
                autoComplete="off"
                autoFocus
                aria-describedby={`${id}-correction-hint`}
                onChange={(e) => setCorrection(e.target.value)}
              />
              <span id={`${id}-correction-hint`} className="annotation-field-hint">
                Edit it if the student&apos;s wording needs fixing; empty means delete the passage.
              </span>
            </div>
          ) : null}
          <div className="field annotation-field">
            <label htmlFor={`${id}-reason`}>{action.reasonLabel}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              value={reason}
              autoFocus={action.status !== "verified"}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              aria-required={action.status === "rejected" || undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <p id={`${id}-error`} className="annotation-field-error" role="alert">
            {error}
          </p>
          <div className="annotation-actions">
            <button type="button" className="button button-small" aria-disabled={isBusy} onClick={() => void confirm()}>
              {isBusy ? "Saving…" : action.confirm}
            </button>
            <button type="button" className="button button-quiet button-small" aria-disabled={isBusy} onClick={() => !isBusy && panel.close()}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="annotation-actions">
          {ACTIONS.filter((a) => a.status !== flag.status).map((a) => (
            <button
              key={a.status}
              type="button"
              className="button button-quiet button-small"
              ref={panel.trigger(a.status)}
              aria-label={`${a.button}: ${whose}`}
              onClick={() => open(a.status)}
            >
              {a.button}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
