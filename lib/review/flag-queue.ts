import { findingKey, isFlagAnnotation } from "@/lib/annotations/flags";
import type { AnnotationDTO, FlagCategory, FlagDTO, FlagStatus } from "@/lib/annotations/types";

/** A flag as the teacher's queue lists it: the annotation with its flag part guaranteed. */
export type QueuedFlag = AnnotationDTO & { flag: FlagDTO };

/** The queue's filters; "all" lets everything through. */
export interface FlagQueueFilter {
  status: Exclude<FlagStatus, "merged"> | "all";
  category: FlagCategory | "all";
}

/** Net agreement: agree votes minus disagree votes. */
export function agreementOf(flag: QueuedFlag): number {
  return flag.flag.votes.agree - flag.flag.votes.disagree;
}

/**
 * Where a flag stands in the text, for the last tie-break: its place in the
 * current text, else its stored position (an unplaced flag sorts by where it was).
 */
function positionOf(flag: QueuedFlag): number {
  return flag.span?.start ?? flag.position.start;
}

/**
 * Orders the queue: the class's strongest agreement first (agree − disagree),
 * then more agree votes (3 − 1 before 2 − 0: more students looked at it), then
 * text order, then age, so the order never depends on how the rows arrived.
 */
export function compareQueuedFlags(a: QueuedFlag, b: QueuedFlag): number {
  return (
    agreementOf(b) - agreementOf(a) ||
    b.flag.votes.agree - a.flag.votes.agree ||
    positionOf(a) - positionOf(b) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * The teacher's queue: every flag still standing on its own (merged ones
 * live on in the flag they were merged into; deleted ones were withdrawn by
 * their author), filtered and sorted by {@link compareQueuedFlags}.
 */
export function buildFlagQueue(annotations: readonly AnnotationDTO[], filter: FlagQueueFilter): QueuedFlag[] {
  return annotations
    .filter((a): a is QueuedFlag => a.kind === "flag" && a.flag !== undefined && !a.isDeleted && a.flag.status !== "merged")
    .filter((a) => filter.status === "all" || a.flag.status === filter.status)
    .filter((a) => filter.category === "all" || a.flag.category === filter.category)
    .sort(compareQueuedFlags);
}

/** How many queued flags each status has (merged and deleted left out, as in the queue). */
export function countByStatus(annotations: readonly AnnotationDTO[]): Record<Exclude<FlagStatus, "merged">, number> {
  const counts = { open: 0, verified: 0, rejected: 0, needs_evidence: 0 };
  for (const a of buildFlagQueue(annotations, { status: "all", category: "all" })) {
    if (a.flag.status !== "merged") counts[a.flag.status] += 1;
  }
  return counts;
}

/** True when a flag passes the queue's filters (used to keep focus when a decision moves it out of view). */
export function matchesQueueFilter(annotation: AnnotationDTO, filter: FlagQueueFilter): boolean {
  return buildFlagQueue([annotation], filter).length === 1;
}

/**
 * "Ana Petrova’s flag on “In 1995 the…”": names one annotation in button
 * labels and announcements, since many rows share the same button words.
 */
export function whoseAnnotation(annotation: Pick<AnnotationDTO, "author" | "kind" | "quote">, quoteChars = 40): string {
  const words = annotation.quote.exact.trim().replace(/\s+/g, " ");
  const quote = words.length > quoteChars ? `${words.slice(0, quoteChars - 1).trimEnd()}…` : words;
  return `${annotation.author.name}’s ${annotation.kind} on “${quote}”`;
}

/**
 * One finding in the queue: every flag on the same words with the same
 * correction (lib/annotations/flags.ts findingKey, the merge rule), shown as
 * one row that names each finder and keeps each flag reachable.
 */
export interface FlagGroup {
  /** The finding key: stable while the finding lasts, so the row and its status line survive decisions and merges. */
  key: string;
  /** The flags standing on their own, first finder first. */
  flags: QueuedFlag[];
  /** Duplicates merged into one of them, first merged first: they stay listed, with an undo. */
  merged: QueuedFlag[];
  /** Net agreement over every flag of the finding, merged ones included: their votes were on the same finding. */
  agreement: number;
  /** Agree votes over the same flags. */
  agree: number;
}

const byAge = (a: QueuedFlag, b: QueuedFlag) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Orders findings: the class's strongest agreement first (summed over the
 * finding's flags), then more agree votes, then more students finding it on
 * their own, then text order, so the order never depends on how rows arrived.
 */
export function compareFlagGroups(a: FlagGroup, b: FlagGroup): number {
  const finders = (g: FlagGroup) => g.flags.length + g.merged.length;
  return (
    b.agreement - a.agreement ||
    b.agree - a.agree ||
    finders(b) - finders(a) ||
    positionOf(a.flags[0]) - positionOf(b.flags[0]) ||
    byAge(a.flags[0], b.flags[0])
  );
}

/**
 * The flag a merged one lives on in: its target, or the target's target when
 * the target was merged in turn. Null when the chain leads nowhere the
 * teacher can see (a withdrawn target).
 */
function liveTargetOf(flag: QueuedFlag, byId: ReadonlyMap<string, QueuedFlag>): QueuedFlag | null {
  const seen = new Set<string>();
  let next = flag.flag.mergedIntoId ? byId.get(flag.flag.mergedIntoId) : undefined;
  while (next && next.flag.status === "merged" && !seen.has(next.id)) {
    seen.add(next.id);
    next = next.flag.mergedIntoId ? byId.get(next.flag.mergedIntoId) : undefined;
  }
  return next && next.flag.status !== "merged" ? next : null;
}

/**
 * The teacher's queue as findings ({@link FlagGroup}). A finding is listed
 * when one of its own flags passes the filters, or when the teacher acted on
 * one of its flags (`pinnedIds`): a row the teacher just decided stays where
 * it was, with its status line, instead of vanishing from under the pointer
 * because it no longer matches "Open". Merged flags join the finding of the
 * flag they live on in.
 */
export function buildFlagGroups(
  annotations: readonly AnnotationDTO[],
  filter: FlagQueueFilter,
  pinnedIds: ReadonlySet<string> = new Set(),
): FlagGroup[] {
  const flags = annotations.filter((a): a is QueuedFlag => isFlagAnnotation(a));
  const byId = new Map(flags.map((f) => [f.id, f]));
  const groups = new Map<string, FlagGroup>();
  for (const f of flags.filter((a) => a.flag.status !== "merged").sort(byAge)) {
    const key = findingKey(f);
    const group = groups.get(key) ?? { key, flags: [], merged: [], agreement: 0, agree: 0 };
    group.flags.push(f);
    groups.set(key, group);
  }
  for (const m of flags.filter((a) => a.flag.status === "merged").sort(byAge)) {
    const target = liveTargetOf(m, byId);
    if (target) groups.get(findingKey(target))?.merged.push(m);
  }
  const passes = (g: FlagGroup) =>
    g.flags.some((f) => matchesQueueFilter(f, filter)) || [...g.flags, ...g.merged].some((f) => pinnedIds.has(f.id));
  return [...groups.values()]
    .map((g) => {
      const all = [...g.flags, ...g.merged];
      return { ...g, agreement: all.reduce((n, f) => n + agreementOf(f), 0), agree: all.reduce((n, f) => n + f.flag.votes.agree, 0) };
    })
    .filter(passes)
    .sort(compareFlagGroups);
}

/**
 * The flags of a finding that a decision for the whole finding would change:
 * those not already at that status, and, when verifying with an edited
 * correction, those whose correction differs. A finding whose flags all stand
 * there already offers no such button.
 */
export function flagsToDecide(group: Pick<FlagGroup, "flags">, decision: { status: Exclude<FlagStatus, "merged">; correction?: string }): QueuedFlag[] {
  return group.flags.filter(
    (f) => f.flag.status !== decision.status || (decision.correction !== undefined && decision.correction !== f.flag.correction),
  );
}

/**
 * Whether a merged flag can be taken out of its target here: its target is
 * known and stands on its own. When the target was merged in turn, that later
 * merge has to be undone first (the API refuses otherwise).
 */
export function canUnmerge(flag: QueuedFlag, annotations: readonly AnnotationDTO[]): boolean {
  if (flag.flag.status !== "merged" || !flag.flag.mergedIntoId) return false;
  const target = annotations.find((a) => a.id === flag.flag.mergedIntoId);
  return target !== undefined && isFlagAnnotation(target) && target.flag.status !== "merged";
}
