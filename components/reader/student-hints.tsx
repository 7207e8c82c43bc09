"use client";

import { useEffect, useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { confidenceWord, correctionText, hintKindLabel } from "@/lib/format/hint-labels";
import type { HintListDTO } from "@/lib/review/types";
import { HintEvidence } from "@/components/review/hint-evidence";

/**
 * Automatic hints for students, when the teacher's setting allows (always, or
 * after the due date). Mounted only when the annotation list says hints are
 * visible, so a reader never asks for hints it would be refused (a 404 in the
 * console); were it asked anyway, the API's 404 shows nothing.
 */
export function StudentHints({ assignmentId, onOpen }: { assignmentId: string; onOpen: (start: number) => void }) {
  const [hints, setHints] = useState<HintListDTO["hints"] | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void callApi<HintListDTO>("GET", `/api/assignments/${assignmentId}/hints`).then((res) => {
      if (isCurrent && res.ok) setHints(res.data.hints);
    });
    return () => {
      isCurrent = false;
    };
  }, [assignmentId]);
  if (!hints || hints.length === 0) return null;
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
