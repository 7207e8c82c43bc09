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
