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
