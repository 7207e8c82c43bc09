"use client";

import { passageWords } from "@/lib/annotations/passage-words";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { ApiResult } from "@/components/ui/api-client";
import type { AnnotationDTO, FlagCategory } from "@/lib/annotations/types";
import { describeMerge, FLAG_CATEGORY_OPTIONS, FLAG_STATUS_FILTER_OPTIONS, flagStatusLabel, listNames } from "@/lib/format/flag-labels";
import {
  buildFlagGroups,
  countByStatus,
  flagsToDecide,
  matchesQueueFilter,
  whoseAnnotation,
  type FlagGroup,
  type FlagQueueFilter,
  type QueuedFlag,
} from "@/lib/review/flag-queue";
import type { ReviewFlagInput } from "@/lib/validation/flag";
import { FlagGroupRow, type QueueNote } from "./flag-group-row";
import type { QueueActions } from "./use-queue-actions";

/** Props for FlagQueuePanel. */
export interface FlagQueuePanelProps {
  annotations: readonly AnnotationDTO[];
  /** The current text, for the words around each passage. */
  text: string;
  assignment: { id: string; essaySlug: string };
  onReview: (annotationId: string, decision: ReviewFlagInput) => Promise<ApiResult<{ annotation: AnnotationDTO }>>;
  onHide: (annotationId: string, hidden: boolean) => Promise<ApiResult<{ annotation: AnnotationDTO }>>;
  actions: QueueActions;
}

const DONE: Record<ReviewFlagInput["status"], string> = {
  verified: "Verified",
  rejected: "Rejected",
  needs_evidence: "Asked for evidence on",
  open: "Reopened",
};

const FILTER_NOTE = " It no longer matches the filters, so it leaves the list when you change them.";

/**
 * Every flag of the class, as findings (flags on the same words with the
 * same correction share a row, lib/review/flag-queue.ts), strongest
 * agreement first, filterable by status and category, each decided in
 * place. What a decision, merge, undo or hide did is said in a status line
 * inside the flag (or the finding) it was done to, not at the top of the
 * list, and a row the teacher acted on stays listed until the filters change,
 * so it never vanishes from under the pointer.
 */
export function FlagQueuePanel({ annotations, text, assignment, onReview, onHide, actions }: FlagQueuePanelProps) {
  const id = useId();
  const [filter, setFilter] = useState<FlagQueueFilter>({ status: "all", category: "all" });
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [notes, setNotes] = useState<ReadonlyMap<string, QueueNote>>(new Map());
  const noteCount = useRef(0);
  // A ref, not state: it only asks the next commit to move focus, and must not cause a render of its own.
  const focusNext = useRef<string | null>(null);
  const groups = useMemo(() => buildFlagGroups(annotations, filter, pinned), [annotations, filter, pinned]);
  const counts = useMemo(() => countByStatus(annotations), [annotations]);
  const flagCount = groups.reduce((n, g) => n + g.flags.length, 0);

  useEffect(() => {
    if (!focusNext.current) return;
    const selector = focusNext.current;
    focusNext.current = null;
    document.querySelector<HTMLElement>(selector)?.focus();
  });

  function changeFilter(next: FlagQueueFilter) {
    setFilter(next);
    setPinned(new Set());
  }

  function say(ids: readonly string[], note: { key: string; text: string }) {
    setPinned((old) => new Set([...old, ...ids]));
    noteCount.current += 1;
    const seq = noteCount.current;
    setNotes((old) => new Map(old).set(note.key, { text: note.text, seq }));
  }

  const byId = (flagId: string) => annotations.find((a) => a.id === flagId);

  async function decide(item: QueuedFlag, decision: ReviewFlagInput): Promise<string | null> {
    const res = await onReview(item.id, { ...decision, version: item.flag.reviewVersion });
    if (!res.ok) return res.message;
    const stillListed = matchesQueueFilter(res.data.annotation, filter);
    say([item.id], { key: item.id, text: `${DONE[decision.status]} ${whoseAnnotation(item)}.${stillListed ? "" : FILTER_NOTE}` });
    return null;
  }

  async function decideFinding(group: FlagGroup, decision: Omit<ReviewFlagInput, "version">): Promise<string | null> {
    const flags = flagsToDecide(group, decision);
    if (flags.length === 0) return "Every flag here stands there already.";
    const res = await actions.reviewFinding(flags, decision);
    if (!res.ok) return res.message;
    const names = listNames(flags.map((f) => f.author.name));
    const count = flags.length === 1 ? "1 flag" : `${flags.length} flags`;
    const stillListed = res.data.annotations.some((a) => matchesQueueFilter(a, filter));
    say(
      flags.map((f) => f.id),
      // Kept under the first decided flag: a finding whose correction was edited changes its key, not its flags.
      { key: `finding:${flags[0].id}`, text: `${DONE[decision.status]} ${count} on “${passageWords(group.flags[0])}”: ${names}.${stillListed ? "" : FILTER_NOTE}` },
    );
    return null;
  }

  async function merge(item: QueuedFlag, intoId: string): Promise<string | null> {
    const into = byId(intoId);
    const res = await actions.merge(item, intoId);
    if (!res.ok) return res.message;
    const words = into?.flag ? describeMerge(item, { ...into, flag: res.data.annotation.flag ?? into.flag }) : null;
    say([item.id, intoId], { key: item.id, text: `Merged ${whoseAnnotation(item)} into ${into ? `${into.author.name}’s flag` : "the other flag"}.${words ? ` ${words.credit}` : ""}` });
    focusNext.current = `[data-annotation-id="${CSS.escape(item.id)}"] [data-unmerge]`;
    return null;
  }

  async function unmerge(item: QueuedFlag): Promise<string | null> {
    const res = await actions.unmerge(item);
    if (!res.ok) return res.message;
    const status = res.data.annotation.flag ? flagStatusLabel(res.data.annotation.flag.status) : "";
    say([item.id], { key: item.id, text: `Merge undone: ${whoseAnnotation(item)} stands on its own again (${status}).` });
    focusNext.current = `[data-annotation-id="${CSS.escape(item.id)}"]`;
    return null;
  }

  async function hide(item: QueuedFlag, hidden: boolean): Promise<string | null> {
    const res = await onHide(item.id, hidden);
    if (!res.ok) return res.message;
    say([item.id], { key: item.id, text: `${hidden ? "Hidden from the class" : "Shown to the class again"}: ${whoseAnnotation(item)}.` });
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
            onChange={(e) => changeFilter({ ...filter, status: e.target.value as FlagQueueFilter["status"] })}
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
            onChange={(e) => changeFilter({ ...filter, category: e.target.value as FlagCategory | "all" })}
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
      <p className="muted">
        {groups.length === 1 ? "1 finding" : `${groups.length} findings`} ({flagCount === 1 ? "1 flag" : `${flagCount} flags`})
        {filter.status === "all" ? "" : ` · ${flagStatusLabel(filter.status)}`}. Flags on the same words with the same correction share a
        row. Strongest agreement first (agree minus disagree over the row&apos;s flags, then most agree votes, then most finders, then text
        order).
      </p>
      {groups.length === 0 ? (
        <p className="muted">No flags match these filters.</p>
      ) : (
        <ol className="review-list" aria-label="Findings, strongest agreement first">
          {groups.map((group) => (
            <FlagGroupRow
              // The first finder's flag, not the finding key: editing the correction on verify changes the key, and the row (with its status line) must stay.
              key={group.flags[0].id}
              group={group}
              annotations={annotations}
              text={text}
              assignment={assignment}
              notes={notes}
              onDecide={decide}
              onDecideFinding={decideFinding}
              onMerge={merge}
              onUnmerge={unmerge}
              onHide={hide}
            />
          ))}
        </ol>
      )}
    </>
  );
}
