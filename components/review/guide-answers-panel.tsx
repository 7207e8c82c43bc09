"use client";

import { useMemo } from "react";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { truncateText } from "@/lib/format/truncate-text";
import { summarizeGuideAnswers, type RosterStudent } from "@/lib/review/guide-answers";
import { readerHref } from "@/lib/review/reader-href";
import { GuideBadge } from "@/components/annotations/guide-badge";

/** Props for GuideAnswersPanel. */
export interface GuideAnswersPanelProps {
  annotations: readonly AnnotationDTO[];
  /** The students counted (the class, or the group the teacher filtered by). */
  roster: readonly RosterStudent[];
  assignment: { id: string; essaySlug: string };
}

function Names({ label, people }: { label: string; people: RosterStudent[] }) {
  if (people.length === 0) return null;
  return (
    <details className="guide-names">
      <summary>
        {label} ({people.length})
      </summary>
      <ul className="guide-name-list">
        {people.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Each guiding question and instruction of the assignment with who answered
 * it ("Answered by 18 of 30 students") and, folded, the names of those who
 * did and who have not yet. Live: it reads the dashboard's annotations.
 */
export function GuideAnswersPanel({ annotations, roster, assignment }: GuideAnswersPanelProps) {
  const guides = useMemo(() => summarizeGuideAnswers(annotations, roster), [annotations, roster]);
  if (guides.length === 0) {
    return <p className="muted">No guiding questions yet. Select a passage in the reader, press C and choose “Guiding question”.</p>;
  }
  return (
    <ol className="review-list guide-answers" aria-label="Guiding questions and instructions, in text order">
      {guides.map((g) => {
        const total = roster.length;
        const share = total === 0 ? 0 : g.answered.length / total;
        return (
          <li key={g.id} className="review-card guide-answer-card" data-guide-id={g.id}>
            <p className="review-card-heading">
              <GuideBadge guide={g.guide} /> {truncateText(g.text, 200)}
            </p>
            <p className="muted guide-answer-quote">On “{truncateText(g.quote, 80)}”</p>
            <p className="guide-answer-count">
              <strong>
                Answered by {g.answered.length} of {total} student{total === 1 ? "" : "s"}
              </strong>
              <span className="guide-answer-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(share * 100)}%` }} />
              </span>
              <a href={readerHref(assignment, g.id)}>Open the answers in the reader</a>
            </p>
            <Names label="Not answered yet" people={g.notYet} />
            <Names label="Answered" people={g.answered} />
          </li>
        );
      })}
    </ol>
  );
}
