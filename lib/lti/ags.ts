/**
 * Assignment and Grade Services 2.0: the score we publish and the line item
 * we may create, as the specification spells them.
 */

/** The maximum of every score we post: grades are percentages. */
export const SCORE_MAXIMUM = 100;

/** AGS 2.0 §3.4 (Score publish service): the body POSTed to `<line item>/scores`. */
export function scoreBody({
  userId,
  scoreGiven,
  timestamp,
  comment,
}: {
  userId: string;
  scoreGiven: number;
  timestamp: Date;
  comment?: string;
}) {
  return {
    userId,
    scoreGiven: Math.round(Math.min(Math.max(scoreGiven, 0), SCORE_MAXIMUM) * 100) / 100,
    scoreMaximum: SCORE_MAXIMUM,
    // The work is done and graded: the platform shows the score to the student.
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
    timestamp: timestamp.toISOString(),
    ...(comment ? { comment } : {}),
  };
}

/**
 * The scores endpoint of a line item: its URL with /scores appended to the
 * path, keeping any query (AGS §3.4.1; Moodle's line item URLs carry one).
 */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/scores`;
  return url.toString();
}

/** AGS §3.2: a line item for one resource link, tagged with our assignment id. */
export function lineItemBody({ label, resourceLinkId, assignmentId }: { label: string; resourceLinkId: string; assignmentId: string }) {
  return { scoreMaximum: SCORE_MAXIMUM, label: label.slice(0, 255), resourceId: assignmentId, resourceLinkId, tag: "marginalia" };
}

/** The `id` (its URL) of a line item in a platform's answer, or null. */
export function lineItemId(json: unknown): string | null {
  if (!json || typeof json !== "object") return null;
  const value = (json as Record<string, unknown>).id;
  return typeof value === "string" && value !== "" ? value : null;
}
