"use client";

import { useId, useRef, useState } from "react";
import { usePanel } from "@/components/annotations/use-panel";
import type { FlagDTO, FlagStatus } from "@/lib/annotations/types";
import { checkReviewForm, type ReviewStatus } from "@/lib/format/flag-form";
import { PanelButton } from "@/components/annotations/panel-button";

/** Props for FlagReview. */
export interface FlagReviewProps {
  /** The flag decided on; for a finding, its flags' shared correction and their status when they all share one (else null). */
  flag: Pick<FlagDTO, "correction" | "statusReason"> & { status: FlagStatus | null; category?: FlagDTO["category"] };
  /** "Ana Petrova's flag", for accessible names. */
  whose: string;
  /**
   * Set for one decision over a finding's flags: how many flags each decision
   * would change (see lib/review/flag-queue.ts flagsToDecide) and how many
   * there are. Decisions that would change none are not offered.
   */
  finding?: { counts: Record<ReviewStatus, number>; total: number };
  /** Sends the decision; resolves to an error sentence, or null when it was saved. */
  onReview: (decision: { status: ReviewStatus; reason: string; correction?: string; applyToTranscription?: boolean }) => Promise<string | null>;
  /** Where it sits: under a thread card in the reader, or in the dashboard's flag queue (their own styles). */
  place?: "card" | "queue";
}

/** Each decision's words; for a finding, `many` names how many flags it covers ("#" is the count). */
const ACTIONS: { status: ReviewStatus; button: string; confirm: string; many: string; reasonLabel: string }[] = [
  { status: "verified", button: "Verify", confirm: "Verify flag", many: "Verify #", reasonLabel: "Note to the class (optional)" },
  { status: "rejected", button: "Reject", confirm: "Reject flag", many: "Reject #", reasonLabel: "Why is it rejected? (required; the student sees it)" },
  { status: "needs_evidence", button: "Needs evidence", confirm: "Ask for evidence", many: "Ask for evidence on #", reasonLabel: "What evidence is needed?" },
  { status: "open", button: "Reopen", confirm: "Reopen flag", many: "Reopen #", reasonLabel: "Reason (optional)" },
];

/** "Verify all 3", or "Verify 2 of 3" when some of the finding's flags already stand there. */
function findingWords(many: string, count: number, total: number): string {
  return many.replace("#", count === total ? `all ${count}` : `${count} of ${total}`);
}

const CLASSES = {
  card: { group: "flag-review", form: "flag-review-panel", field: "field annotation-field", help: "annotation-field-hint", error: "annotation-field-error", actions: "annotation-actions" },
  queue: { group: "flag-decision", form: "flag-decision-form", field: "field", help: "review-field-help", error: "form-error", actions: "review-actions" },
} as const;

/**
 * The teacher's decision on a flag: verify (the correction can be edited
 * first), reject with a reason, ask for evidence, or reopen. The form is
 * checked with the API's own schema before sending, so the message next to
 * the field is the one the server would give. One decision panel at a time;
 * focus goes to its first field, and back to the button that opened it when
 * it closes. For a finding (`finding`), the same form decides every flag
 * of it that the decision would change, and the buttons say how many.
 */
export function FlagReview({ flag, whose, onReview, place = "card", finding }: FlagReviewProps) {
  const id = useId();
  const groupRef = useRef<HTMLDivElement>(null);
  const panel = usePanel<ReviewStatus>(groupRef);
  const [reason, setReason] = useState("");
  const [correction, setCorrection] = useState(flag.correction);
  // A verified transcription error corrects the scan's transcription too, unless the teacher says not to.
  const [applyToTranscription, setApplyToTranscription] = useState(true);
  // One flag's decision only: a finding's decision over several flags never rewrites the transcription.
  const isTranscription = flag.category === "transcription" && !finding;
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const action = ACTIONS.find((a) => a.status === panel.open);
  const css = CLASSES[place];

  function open(status: ReviewStatus) {
    setReason(status === "verified" ? "" : (flag.statusReason ?? ""));
    setCorrection(flag.correction);
    setError(null);
    panel.show(status);
  }

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
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
    const result = await onReview(action.status === "verified" && isTranscription ? { ...checked.value, applyToTranscription } : checked.value);
    setBusy(false);
    if (result) setError(result);
    else panel.close();
  }

  return (
    <div className={css.group} role="group" aria-label={`Review ${whose}`} ref={groupRef} tabIndex={-1}>
      {action ? (
        <form
          className={css.form}
          onSubmit={(e) => void confirm(e)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && !isBusy) {
              e.stopPropagation();
              panel.close();
            }
          }}
        >
          {action.status === "verified" ? (
            <div className={css.field}>
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
              <span id={`${id}-correction-hint`} className={css.help}>
                Edit it if the student&apos;s wording needs fixing; empty means delete the passage.
              </span>
            </div>
          ) : null}
          {action.status === "verified" && isTranscription ? (
            <label className="checkbox">
              <input type="checkbox" checked={applyToTranscription} onChange={(e) => setApplyToTranscription(e.target.checked)} /> Also correct the
              transcription with it (a new revision)
            </label>
          ) : null}
          <div className={css.field}>
            <label htmlFor={`${id}-reason`}>{finding ? action.reasonLabel.replace("the student sees", "each student sees") : action.reasonLabel}</label>
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
          <p id={`${id}-error`} className={css.error} role="alert">
            {error}
          </p>
          <div className={css.actions}>
            <button type="submit" className="button button-small" aria-disabled={isBusy}>
              {isBusy ? "Saving…" : finding ? `${findingWords(action.many, finding.counts[action.status], finding.total)} flags` : action.confirm}
            </button>
            <button type="button" className="button button-quiet button-small" aria-disabled={isBusy} onClick={() => !isBusy && panel.close()}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className={css.actions}>
          {ACTIONS.filter((a) => (finding ? finding.counts[a.status] > 0 : a.status !== flag.status)).map((a) => {
            const words = finding ? findingWords(a.many, finding.counts[a.status], finding.total) : a.button;
            return (
              <PanelButton key={a.status} panel={{ ...panel, show: open }} name={a.status} label={`${words}: ${whose}`}>
                {words}
              </PanelButton>
            );
          })}
        </div>
      )}
    </div>
  );
}
