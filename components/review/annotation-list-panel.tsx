"use client";

import { passageWords } from "@/lib/annotations/passage-words";
import { useState } from "react";
import type { ApiResult } from "@/components/ui/api-client";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { kindLabel, scopeLabel } from "@/lib/format/annotation-labels";
import { truncateText } from "@/lib/format/truncate-text";
import { whoseAnnotation } from "@/lib/review/flag-queue";
import { readerHref } from "@/lib/review/reader-href";
import { plainTextOfUnknown } from "@/lib/rich-text";
import { HideButton } from "./hide-button";

/** Props for AnnotationListPanel. */
export interface AnnotationListPanelProps {
  annotations: readonly AnnotationDTO[];
  assignment: { id: string; essaySlug: string };
  onHide: (annotationId: string, hidden: boolean) => Promise<ApiResult<{ annotation: AnnotationDTO }>>;
}

const QUOTE_CHARS = 80;
const BODY_CHARS = 160;

/**
 * Every annotation the teacher can see, in text order, each with Hide /
 * Unhide: the way to take an off-topic or unkind comment away from the class
 * without deleting the student's work. Collapsed by default, so its many
 * buttons stay out of the Tab order until the teacher asks for them.
 */
export function AnnotationListPanel({ annotations, assignment, onHide }: AnnotationListPanelProps) {
  const [message, setMessage] = useState("");
  const live = annotations.filter((a) => !a.isDeleted);
  const hiddenCount = live.filter((a) => a.isHidden).length;

  async function hide(item: AnnotationDTO, hidden: boolean): Promise<string | null> {
    const res = await onHide(item.id, hidden);
    if (!res.ok) return res.message;
    setMessage(`${hidden ? "Hidden from the class" : "Shown to the class again"}: ${whoseAnnotation(item)}.`);
    return null;
  }

  return (
    <>
      <p className="review-status" role="status">
        {message}
      </p>
      <details className="annotation-list-details">
        <summary>
          Show all {live.length} annotations{hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ""}
        </summary>
        {live.length === 0 ? (
          <p className="muted">Nobody has annotated this assignment yet.</p>
        ) : (
          <ol className="review-list review-list-compact" aria-label="All annotations, in text order">
            {live.map((a) => {
              const body = a.body ? plainTextOfUnknown(a.body).trim() : "";
              const whose = whoseAnnotation(a);
              return (
                <li key={a.id} className="review-card" data-annotation-id={a.id}>
                  <p className="review-card-heading">
                    “{truncateText(passageWords(a), QUOTE_CHARS)}”
                    <span className="review-badge">{kindLabel(a.kind)}</span>
                    {a.isHidden ? <span className="review-badge">Hidden from the class</span> : null}
                  </p>
                  <p>
                    {a.author.name}
                    {a.author.isTeacher ? " (teacher)" : ""} · {scopeLabel(a.scope)}
                  </p>
                  {body ? <p className="muted">{truncateText(body, BODY_CHARS)}</p> : null}
                  <div className="review-actions">
                    <HideButton isHidden={a.isHidden} whose={whose} onChange={(hidden) => hide(a, hidden)} />
                    <a href={readerHref(assignment, a.id)} aria-label={`Open in the reader: ${whose}`}>
                      Open in the reader
                    </a>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </details>
    </>
  );
}
