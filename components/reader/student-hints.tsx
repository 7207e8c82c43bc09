"use client";

import { confidenceWord, correctionText, hintKindLabel } from "@/lib/format/hint-labels";
import { HintEvidence } from "@/components/review/hint-evidence";
import { useHintList } from "@/components/review/use-hint-list";

/**
 * Automatic hints for students, when the teacher's setting allows (always, or
 * after the due date). Mounted only when the annotation list says hints are
 * visible, so a reader never asks for hints it would be refused (a 404 in the
 * console); were it asked anyway, the API's 404 shows nothing. Hints still
 * being prepared are asked for again, as on the review page.
 */
export function StudentHints({ assignmentId, onOpen }: { assignmentId: string; onOpen: (start: number) => void }) {
  const { state } = useHintList(assignmentId);
  if (state.status !== "ready" || state.hints.length === 0) return null;
  const { hints } = state;
  return (
    <details className="student-hints card">
      <summary>Automatic hints ({hints.length})</summary>
      <p className="muted">These are guesses by the computer, not answers. Check each against a source before you flag it.</p>
      <ol>
        {hints.map((h) => (
          <li key={h.id}>
            <button type="button" className="button button-quiet button-small" onClick={() => onOpen(h.span.start)}>
              “{h.quote.exact.slice(0, 60)}”
            </button>{" "}
            <span className="muted">
              {hintKindLabel(h.kind)} ({confidenceWord(h.confidence)})
            </span>
            <br />
            {h.message}
            {h.suggestion !== null ? ` Suggested: ${correctionText(h.suggestion)}.` : ""}
            <HintEvidence evidence={h.evidence} onOpen={onOpen} />
          </li>
        ))}
      </ol>
    </details>
  );
}
