import { FlagReview } from "@/components/flags/flag-review";
import { RichTextView, USER_LINK_REL } from "@/components/ui/rich-text-view";
import { describeCorrection, describeVotes, flagCategoryName, flagStatusLabel, statusReasonLabel } from "@/lib/format/flag-labels";
import { agreementOf, whoseAnnotation, type QueuedFlag } from "@/lib/review/flag-queue";
import { readerHref } from "@/lib/review/reader-href";
import type { ReviewFlagInput } from "@/lib/validation/flag";
import { HideButton } from "./hide-button";

/** Props for FlagQueueItem. */
export interface FlagQueueItemProps {
  item: QueuedFlag;
  assignment: { id: string; essaySlug: string };
  onDecide: (item: QueuedFlag, decision: ReviewFlagInput) => Promise<string | null>;
  onHide: (item: QueuedFlag, hidden: boolean) => Promise<string | null>;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/**
 * One flag in the teacher's queue: the proposed change, status, tally,
 * finders, category, rationale and evidence, with the decision buttons and
 * Hide beside them. State is said in words (a badge and the facts list),
 * never by colour.
 */
export function FlagQueueItem({ item, assignment, onDecide, onHide }: FlagQueueItemProps) {
  const { flag } = item;
  const change = describeCorrection(item.quote.exact, flag.correction);
  const whose = whoseAnnotation(item);
  return (
    <li className="review-card flag-queue-item" data-annotation-id={item.id}>
      <h3 className="review-card-heading">
        {change.text}
        <span className="review-badge">{flagStatusLabel(flag.status)}</span>
        {item.isHidden ? <span className="review-badge">Hidden from the class</span> : null}
      </h3>
      <dl className="review-facts">
        <div>
          <dt>Category</dt>
          <dd>{flagCategoryName(flag.category)}</dd>
        </div>
        <div>
          <dt>Votes</dt>
          <dd>
            {describeVotes(flag.votes)} (net {signed(agreementOf(item))})
          </dd>
        </div>
        <div>
          <dt>Found by</dt>
          <dd>{flag.finders.map((f) => f.name).join(", ")}</dd>
        </div>
        <div>
          <dt>Change</dt>
          <dd>
            <del>{change.from}</del> → {change.to === null ? <em>delete the words</em> : <ins>{change.to}</ins>}
          </dd>
        </div>
        {flag.statusReason ? (
          <div>
            <dt>{statusReasonLabel(flag.status).replace(/:$/, "")}</dt>
            <dd>{flag.statusReason}</dd>
          </div>
        ) : null}
      </dl>
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
      <FlagReview place="queue" flag={flag} whose={whose} onReview={(decision) => onDecide(item, decision)} />
      <div className="review-actions">
        <HideButton isHidden={item.isHidden} whose={whose} onChange={(hidden) => onHide(item, hidden)} />
        <a href={readerHref(assignment, item.id)} aria-label={`Open in the reader: ${whose}`}>
          Open in the reader
        </a>
      </div>
    </li>
  );
}
