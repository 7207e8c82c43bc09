import { FlagMerge } from "@/components/flags/flag-merge";
import { FlagReview } from "@/components/flags/flag-review";
import { UnmergeButton } from "@/components/flags/unmerge-button";
import { RichTextView, USER_LINK_REL } from "@/components/ui/rich-text-view";
import type { FlagAnnotation } from "@/lib/annotations/flags";
import { describeVotes, flagStatusLabel, listNames, statusReasonLabel } from "@/lib/format/flag-labels";
import { whoseAnnotation, type QueuedFlag } from "@/lib/review/flag-queue";
import { readerHref } from "@/lib/review/reader-href";
import type { ReviewFlagInput } from "@/lib/validation/flag";
import { HideButton } from "./hide-button";

/** What the teacher can do to one flag from the queue; each resolves to an error sentence, or null when done. */
export interface FlagItemHandlers {
  onDecide: (item: QueuedFlag, decision: ReviewFlagInput) => Promise<string | null>;
  onHide: (item: QueuedFlag, hidden: boolean) => Promise<string | null>;
  onMerge: (item: QueuedFlag, intoId: string) => Promise<string | null>;
  onUnmerge: (item: QueuedFlag) => Promise<string | null>;
}

/** Props for FlagQueueItem. */
export interface FlagQueueItemProps extends FlagItemHandlers {
  item: QueuedFlag;
  assignment: { id: string; essaySlug: string };
  /** Flags it could be merged into (findMergeTargets); empty for a finding of one. */
  mergeTargets: readonly FlagAnnotation[];
  /** For a merged flag: the flag it lives on in, when known, and whether the merge can be undone here. */
  mergedInto: { name: string; canUndo: boolean } | null;
  /** The last thing done to this flag from here ("Verified Ana Petrova’s flag…"), said in its own status line. */
  note: string;
  /** Rationale and sources start folded when the finding has several flags, so the row stays scannable. */
  isFolded: boolean;
}

/**
 * One flag of a finding in the teacher's queue: who found it, its status
 * and votes, its rationale and sources, and what can be done to it (decide,
 * merge into another flag of the finding, hide, open in the reader; or, once
 * merged, undo the merge). What was last done to it is said in a status line
 * inside it, where the teacher acted. State is said in words, never colour.
 */
export function FlagQueueItem({ item, assignment, mergeTargets, mergedInto, note, isFolded, ...on }: FlagQueueItemProps) {
  const { flag } = item;
  const whose = whoseAnnotation(item);
  const others = flag.finders.filter((f) => f.id !== item.author.id);
  const sources = flag.evidence.length === 0 ? "no sources" : flag.evidence.length === 1 ? "1 source" : `${flag.evidence.length} sources`;
  const details = (
    <>
      {flag.rationale ? <RichTextView doc={flag.rationale} className="flag-queue-rationale" /> : null}
      {flag.evidence.length === 0 ? (
        <p className="muted">No evidence cited.</p>
      ) : (
        <ul className="flag-queue-evidence" aria-label={`Evidence for ${whose}`}>
          {flag.evidence.map((e, i) => (
            <li key={i}>
              {e.url ? (
                <a href={e.url} rel={USER_LINK_REL} target="_blank">
                  {e.title}
                </a>
              ) : (
                e.title
              )}
              {[e.author, e.year, e.locator].filter(Boolean).map((part) => ` · ${part}`)}
              {e.quote ? <q className="flag-queue-evidence-quote">{e.quote}</q> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );

  return (
    <li className={`flag-queue-flag is-${flag.status}`} data-annotation-id={item.id} tabIndex={-1} aria-label={whose}>
      <p className="flag-queue-flag-head">
        <strong>{item.author.name}</strong>
        <span className="review-badge">{flagStatusLabel(flag.status)}</span>
        {item.isHidden ? <span className="review-badge">Hidden from the class</span> : null}
        {mergedInto ? (
          <span> into {mergedInto.name}</span>
        ) : (
          <span className="flag-queue-flag-votes">
            {" "}
            · {describeVotes(flag.votes)} · {sources}
          </span>
        )}
      </p>
      {others.length > 0 && !mergedInto ? <p className="flag-queue-credits">Also credited (merged in): {listNames(others.map((f) => f.name))}</p> : null}
      {flag.statusReason && !mergedInto ? (
        <p className="flag-queue-reason">
          <strong>{statusReasonLabel(flag.status)}</strong> {flag.statusReason}
        </p>
      ) : null}
      {mergedInto ? null : isFolded ? (
        <details className="flag-queue-details">
          <summary>{flag.rationale ? `Rationale, ${sources}` : `No rationale, ${sources}`}</summary>
          {details}
        </details>
      ) : (
        details
      )}
      {mergedInto ? (
        <div className="review-actions">
          {mergedInto.canUndo ? <UnmergeButton whose={whose} into={mergedInto.name} onUnmerge={() => on.onUnmerge(item)} /> : null}
          <a href={readerHref(assignment, item.id)} aria-label={`Open in the reader: ${whose}`}>
            Open in the reader
          </a>
        </div>
      ) : (
        <div className="flag-queue-flag-actions">
          <FlagReview place="queue" flag={flag} whose={whose} onReview={(decision) => on.onDecide(item, decision)} />
          <FlagMerge place="queue" flag={item} targets={mergeTargets} whose={whose} onMerge={(intoId) => on.onMerge(item, intoId)} />
          <div className="review-actions">
            <HideButton isHidden={item.isHidden} whose={whose} onChange={(hidden) => on.onHide(item, hidden)} />
            <a href={readerHref(assignment, item.id)} aria-label={`Open in the reader: ${whose}`}>
              Open in the reader
            </a>
          </div>
        </div>
      )}
      <p className="review-status" role="status">
        {note}
      </p>
    </li>
  );
}
