"use client";

import { useId, useRef, useState } from "react";
import { usePanel } from "@/components/annotations/use-panel";
import type { FlagDTO } from "@/lib/annotations/types";
import { reviewFlagSchema, type ReviewFlagInput } from "@/lib/validation/flag";

type Decision = ReviewFlagInput["status"];

/** Props for FlagDecision. */
export interface FlagDecisionProps {
  flag: FlagDTO;
  /** "Ana Petrova’s flag on “1995”", for accessible names. */
  whose: string;
  /** Sends the decision; resolves to an error sentence, or null when it was saved. */
  onDecide: (decision: ReviewFlagInput) => Promise<string | null>;
}

const ACTIONS: readonly { status: Decision; button: string; confirm: string; reasonLabel: string; isRequired: boolean }[] = [
  { status: "verified", button: "Verify", confirm: "Verify flag", reasonLabel: "Note to the class (optional)", isRequired: false },
  { status: "rejected", button: "Reject", confirm: "Reject flag", reasonLabel: "Why is it rejected? (required; the student sees it)", isRequired: true },
  { status: "needs_evidence", button: "Needs evidence", confirm: "Ask for evidence", reasonLabel: "What evidence is needed?", isRequired: false },
  { status: "open", button: "Reopen", confirm: "Reopen flag", reasonLabel: "Reason (optional)", isRequired: false },
];

/**
 * The teacher's decision on one queued flag, in place: verify (the
 * correction can be edited first), reject with a reason, ask for evidence,
 * or reopen. The reason is checked with the API's own schema before sending,
 * so the message next to the field is the one the server would give.
 */
export function FlagDecision({ flag, whose, onDecide }: FlagDecisionProps) {
  const id = useId();
  const groupRef = useRef<HTMLDivElement>(null);
  const panel = usePanel<Decision>(groupRef);
  const [reason, setReason] = useState("");
  const [correction, setCorrection] = useState(flag.correction);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const action = ACTIONS.find((a) => a.status === panel.open);

  function open(status: Decision) {
    setReason(status === "verified" ? "" : (flag.statusReason ?? ""));
    setCorrection(flag.correction);
    setError(null);
    panel.show(status);
  }

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (!action || isBusy) return;
    const edited = action.status === "verified" && correction !== flag.correction ? correction : undefined;
    const parsed = reviewFlagSchema.safeParse({ status: action.status, reason, ...(edited === undefined ? {} : { correction: edited }) });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the form.");
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await onDecide(parsed.data);
    setBusy(false);
    if (failure) setError(failure);
    else panel.close();
  }

  return (
    <div className="flag-decision" role="group" aria-label={`Decide on ${whose}`} ref={groupRef} tabIndex={-1}>
      {action ? (
        <form
          className="flag-decision-form"
          onSubmit={(e) => void confirm(e)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && !isBusy) {
              e.stopPropagation();
              panel.close();
            }
          }}
        >
          {action.status === "verified" ? (
            <div className="field">
              <label htmlFor={`${id}-correction`}>Correction</label>
              <input
                id={`${id}-correction`}
                type="text"
                value={correction}
                autoComplete="off"
                autoFocus
                aria-describedby={`${id}-correction-help`}
                onChange={(e) => setCorrection(e.target.value)}
              />
              <span id={`${id}-correction-help`} className="review-field-help">
                Edit it if the wording needs fixing; empty means delete the passage.
              </span>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-reason`}>{action.reasonLabel}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              value={reason}
              autoFocus={action.status !== "verified"}
              aria-required={action.isRequired || undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <p id={`${id}-error`} className="form-error" role="alert">
            {error}
          </p>
          <div className="review-actions">
            <button type="submit" className="button button-small" aria-disabled={isBusy}>
              {isBusy ? "Saving…" : action.confirm}
            </button>
            <button type="button" className="button button-quiet button-small" aria-disabled={isBusy} onClick={() => !isBusy && panel.close()}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="review-actions">
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
