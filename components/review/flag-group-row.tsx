import { passageWords } from "@/lib/annotations/passage-words";
import { RegionPassage } from "@/components/annotations/region-passage";
import { useId } from "react";
import { FlagReview } from "@/components/flags/flag-review";
import { findMergeTargets } from "@/lib/annotations/flags";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { describeCorrection, describeStatusMix, flagCategoryName, flagStatusLabel, listNames } from "@/lib/format/flag-labels";
import type { ReviewStatus } from "@/lib/format/flag-form";
import { canUnmerge, flagsToDecide, type FlagGroup } from "@/lib/review/flag-queue";
import type { ReviewFlagInput } from "@/lib/validation/flag";
import { FlagQueueItem, type FlagItemHandlers } from "./flag-queue-item";
import { PassageInContext } from "./passage-in-context";

/** A result said in a status line; `seq` orders them, so a row shows its latest. */
export interface QueueNote {
  text: string;
  seq: number;
}

/** Props for FlagGroupRow. */
export interface FlagGroupRowProps extends FlagItemHandlers {
  group: FlagGroup;
  /** Every annotation on the page: merge targets and merged flags' targets are looked up here. */
  annotations: readonly AnnotationDTO[];
  /** The current text, for the words around the passage. */
  text: string;
  assignment: { id: string; essaySlug: string };
  /** What was last done from here, by flag id, and by `finding:<flag id>` for decisions on the whole finding. */
  notes: ReadonlyMap<string, QueueNote>;
  onDecideFinding: (group: FlagGroup, decision: Omit<ReviewFlagInput, "version">) => Promise<string | null>;
}

const STATUSES: ReviewStatus[] = ["verified", "rejected", "needs_evidence", "open"];

/** The text of the newest of `notes`, or "". */
function latestNote(notes: readonly (QueueNote | undefined)[]): string {
  return notes.reduce<QueueNote | undefined>((best, n) => (n && (!best || n.seq > best.seq) ? n : best), undefined)?.text ?? "";
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/**
 * One finding in the queue: the proposed change, the passage with the words
 * around it (which "1995" it is), every finder, and each of its flags. A
 * finding of several flags can be decided in one go ("Verify all 3": every
 * flag gets the same decision, each its own audit entry; all or none), or
 * flag by flag; a duplicate can be merged into another flag of the finding,
 * and a merge undone.
 */
export function FlagGroupRow({ group, annotations, text, assignment, notes, onDecideFinding, ...on }: FlagGroupRowProps) {
  const id = useId();
  const lead = group.flags[0];
  const change = describeCorrection(passageWords(lead), lead.flag.correction);
  // First finder first, merged ones in their place: a card the teacher merges or restores stays where it was.
  const all = [...group.flags, ...group.merged].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const isSingle = group.flags.length === 1;
  const finders = all.map((f) => f.author.name).filter((name, i, names) => names.indexOf(name) === i);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, flagsToDecide(group, { status: s }).length])) as Record<ReviewStatus, number>;
  const shared = new Set(group.flags.map((f) => f.flag.status));
  const votes = all.reduce((n, f) => ({ agree: n.agree + f.flag.votes.agree, disagree: n.disagree + f.flag.votes.disagree }), { agree: 0, disagree: 0 });
  const whose = `the ${group.flags.length} flags on “${change.from}”`;
  const byId = new Map(annotations.map((a) => [a.id, a]));

  return (
    <li className="review-card flag-group" aria-labelledby={`${id}-heading`} data-finding={group.key}>
      <h3 className="review-card-heading" id={`${id}-heading`}>
        {change.text}
        {isSingle ? (
          <span className="review-badge">{flagStatusLabel(lead.flag.status)}</span>
        ) : (
          <>
            <span className="review-badge">{all.length} flags</span>
            <span className="review-badge">{describeStatusMix(group.flags.map((f) => f.flag.status))}</span>
          </>
        )}
        {isSingle && lead.isHidden ? <span className="review-badge">Hidden from the class</span> : null}
      </h3>
      {lead.region ? <RegionPassage region={lead.region} /> : <PassageInContext quote={lead.quote} placed={{ text, span: lead.span }} />}
      <dl className="review-facts">
        <div>
          <dt>Category</dt>
          <dd>{flagCategoryName(lead.flag.category)}</dd>
        </div>
        <div>
          <dt>Change</dt>
          <dd>
            <del>{change.from}</del> → {change.to === null ? <em>delete the words</em> : <ins>{change.to}</ins>}
          </dd>
        </div>
        <div>
          <dt>Votes</dt>
          <dd>
            {votes.agree} agree · {votes.disagree} disagree (net {signed(group.agreement)}
            {isSingle && group.merged.length === 0 ? "" : `, over ${all.length} flags`})
          </dd>
        </div>
        <div>
          <dt>Found by</dt>
          <dd>{listNames(finders)}</dd>
        </div>
      </dl>
      {isSingle ? null : (
        <div className="flag-group-decision" role="group" aria-labelledby={`${id}-decide`}>
          <p id={`${id}-decide`} className="flag-group-decision-title">
            Decide for all {group.flags.length} flags at once <span className="review-field-help">(each flag is decided and recorded on its own; or decide them one by one below)</span>
          </p>
          <FlagReview
            place="queue"
            flag={{ status: shared.size === 1 ? lead.flag.status : null, correction: lead.flag.correction, statusReason: null }}
            whose={whose}
            finding={{ counts, total: group.flags.length }}
            onReview={(decision) => onDecideFinding(group, decision)}
          />
          <p className="review-status" role="status">
            {latestNote(group.flags.map((f) => notes.get(`finding:${f.id}`)))}
          </p>
        </div>
      )}
      <ol className="flag-group-flags" aria-label={isSingle && group.merged.length === 0 ? "The flag" : `The ${all.length} flags on these words, first finder first`}>
        {all.map((item) => {
          const target = item.flag.mergedIntoId ? byId.get(item.flag.mergedIntoId) : undefined;
          return (
            <FlagQueueItem
              key={item.id}
              item={item}
              assignment={assignment}
              mergeTargets={item.flag.status === "merged" ? [] : findMergeTargets(item, annotations)}
              mergedInto={item.flag.status === "merged" ? { name: target ? `${target.author.name}’s flag` : "another flag", canUndo: canUnmerge(item, annotations) } : null}
              note={notes.get(item.id)?.text ?? ""}
              isFolded={!isSingle}
              {...on}
            />
          );
        })}
      </ol>
    </li>
  );
}
