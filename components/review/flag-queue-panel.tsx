"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { ApiResult } from "@/components/ui/api-client";
import type { AnnotationDTO, FlagCategory } from "@/lib/annotations/types";
import { FLAG_CATEGORY_OPTIONS, FLAG_STATUS_FILTER_OPTIONS, flagStatusLabel } from "@/lib/format/flag-labels";
import { buildFlagQueue, countByStatus, matchesQueueFilter, whoseAnnotation, type FlagQueueFilter, type QueuedFlag } from "@/lib/review/flag-queue";
import type { ReviewFlagInput } from "@/lib/validation/flag";
import { FlagQueueItem } from "./flag-queue-item";

/** Props for FlagQueuePanel. */
export interface FlagQueuePanelProps {
  annotations: readonly AnnotationDTO[];
  assignment: { id: string; essaySlug: string };
  onReview: (annotationId: string, decision: ReviewFlagInput) => Promise<ApiResult<{ annotation: AnnotationDTO }>>;
  onHide: (annotationId: string, hidden: boolean) => Promise<ApiResult<{ annotation: AnnotationDTO }>>;
}

const DONE: Record<ReviewFlagInput["status"], string> = {
  verified: "Verified",
  rejected: "Rejected",
  needs_evidence: "Asked for evidence on",
  open: "Reopened",
};

/**
 * Every flag of the class that stands on its own (merged ones live on in
 * their target), strongest agreement first, filterable by status and
 * category, each decided in place. Results are announced in one status
 * region; when a decision moves a flag out of the current filter, focus
 * goes to that announcement rather than being lost with the row.
 */
export function FlagQueuePanel({ annotations, assignment, onReview, onHide }: FlagQueuePanelProps) {
  const id = useId();
  const [filter, setFilter] = useState<FlagQueueFilter>({ status: "all", category: "all" });
  const [message, setMessage] = useState("");
  // A ref, not state: it only asks the next commit to move focus, and must not cause a render of its own.
  const isFocusPending = useRef(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const queue = useMemo(() => buildFlagQueue(annotations, filter), [annotations, filter]);
  const counts = useMemo(() => countByStatus(annotations), [annotations]);

  useEffect(() => {
    if (!isFocusPending.current) return;
    isFocusPending.current = false;
    statusRef.current?.focus();
  });

  async function decide(item: QueuedFlag, decision: ReviewFlagInput): Promise<string | null> {
    const res = await onReview(item.id, { ...decision, version: item.flag.reviewVersion });
    if (!res.ok) return res.message;
    const stillListed = matchesQueueFilter(res.data.annotation, filter);
    setMessage(`${DONE[decision.status]} ${whoseAnnotation(item)}.${stillListed ? "" : " It no longer matches the filters."}`);
    if (!stillListed) isFocusPending.current = true;
    return null;
  }

  async function hide(item: AnnotationDTO, hidden: boolean): Promise<string | null> {
    const res = await onHide(item.id, hidden);
    if (!res.ok) return res.message;
    setMessage(`${hidden ? "Hidden from the class" : "Shown to the class again"}: ${whoseAnnotation(item)}.`);
    return null;
  }

  return (
    <>
      <div className="review-form-row flag-queue-filters">
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value as FlagQueueFilter["status"] })}
          >
            <option value="all">All statuses</option>
            {FLAG_STATUS_FILTER_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label} ({counts[o.value]})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>Category</label>
          <select
            id={`${id}-category`}
            value={filter.category}
            onChange={(e) => setFilter({ ...filter, category: e.target.value as FlagCategory | "all" })}
          >
            <option value="all">All categories</option>
            {FLAG_CATEGORY_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="review-status" role="status" ref={statusRef} tabIndex={-1}>
        {message}
      </p>
      <p className="muted">
        {queue.length === 1 ? "1 flag" : `${queue.length} flags`}
        {filter.status === "all" ? "" : ` · ${flagStatusLabel(filter.status)}`}, strongest agreement first (agree minus
        disagree, then most agree votes, then text order).
      </p>
      {queue.length === 0 ? (
        <p className="muted">No flags match these filters.</p>
      ) : (
        <ol className="review-list" aria-label="Flags, strongest agreement first">
          {queue.map((item) => (
            <FlagQueueItem key={item.id} item={item} assignment={assignment} onDecide={decide} onHide={hide} />
          ))}
        </ol>
      )}
    </>
  );
}
