/** Where a student stands on an assignment. */
export type CompletionStatus = "not_started" | "in_progress" | "complete" | "past_due";

export interface Counts {
  highlights: number;
  comments: number;
  flags: number;
}

/**
 * Complete means every minimum is met; past due means the due date passed
 * before that; any annotation at all means in progress.
 */
export function completionStatus(counts: Counts, minimums: Counts, dueAt: Date, now: Date): CompletionStatus {
  const isComplete =
    counts.highlights >= minimums.highlights && counts.comments >= minimums.comments && counts.flags >= minimums.flags;
  if (isComplete && counts.highlights + counts.comments + counts.flags > 0) return "complete";
  if (dueAt.getTime() < now.getTime()) return "past_due";
  return counts.highlights + counts.comments + counts.flags > 0 ? "in_progress" : "not_started";
}

export const COMPLETION_LABELS: Record<CompletionStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  complete: "Complete",
  past_due: "Past due",
};

/**
 * The completion score a learning platform's gradebook gets (percent, 0–100):
 * the share of the assignment's minimums met, each kind counting up to its
 * minimum (ten highlights do not make up for a missing flag). Exactly 100
 * when completionStatus says "complete". With no minimums set, any work at
 * all is complete.
 */
export function completionScore(counts: Counts, minimums: Counts): number {
  const total = counts.highlights + counts.comments + counts.flags;
  const required = minimums.highlights + minimums.comments + minimums.flags;
  if (required === 0) return total > 0 ? 100 : 0;
  const met =
    Math.min(counts.highlights, minimums.highlights) + Math.min(counts.comments, minimums.comments) + Math.min(counts.flags, minimums.flags);
  return Math.round((met / required) * 10_000) / 100;
}
