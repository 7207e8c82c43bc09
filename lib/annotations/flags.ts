import { regionKey } from "@/lib/sources/regions";
import type { AnnotationDTO, ClassRole, FlagStatus } from "./types";

/**
 * Rules about error flags that the reader needs before it asks the API: who
 * may do what, which flags can be merged, and how a flag is drawn in the
 * text. The API stays the authority; these only decide what to offer.
 */

/** An annotation known to carry its flag part. */
export type FlagAnnotation = AnnotationDTO & { flag: NonNullable<AnnotationDTO["flag"]> };

/** True for a live (not deleted) annotation of kind "flag" with its flag part. */
export function isFlagAnnotation(a: AnnotationDTO): a is FlagAnnotation {
  return a.kind === "flag" && a.flag !== undefined && !a.isDeleted;
}

/**
 * Audit actions of merges and their undoing. Their reason names the other
 * flag by id ("Merged into <id>"): the DTO hides that id from viewers who may
 * not see the other flag, and the trail never shows it as a "why".
 */
export function isMergeAction(action: string): boolean {
  return action === "merged" || action === "merged-in" || action === "unmerged" || action === "unmerged-out";
}

/** The author may edit a flag only until a teacher has decided on it. */
export function isFlagEditable(status: FlagStatus): boolean {
  return status === "open" || status === "needs_evidence";
}

/** Students vote on classmates' flags, never on their own, and not once merged away. */
export function canVoteOnFlag(a: AnnotationDTO, viewer: { id: string; role: ClassRole }): boolean {
  return (
    isFlagAnnotation(a) &&
    viewer.role === "student" &&
    !a.isMine &&
    a.author.id !== viewer.id &&
    a.flag.status !== "merged"
  );
}

/**
 * A correction as the merge rule compares it: ends trimmed and runs of
 * whitespace read as one space, so "1955 " and "1955" are the same fix. The
 * API's merge (lib/server/flags/review-flag.ts) compares with this too.
 */
export function normalizeCorrection(correction: string): string {
  return correction.trim().replace(/\s+/gu, " ");
}

/**
 * What a flag reports, as one string: the stored words (code-point offsets on
 * its revision) and the normalized correction. Flags with the same finding key
 * are duplicates of one finding: the queue shows them as one row and a
 * teacher may merge them.
 */
export function findingKey(flag: FlagAnnotation): string {
  // A region of a picture has no words (its position is 0:0): the region itself says what was flagged.
  const where = flag.region ? regionKey(flag.region) : `${flag.position.start}:${flag.position.end}`;
  return `${where}:${normalizeCorrection(flag.flag.correction)}`;
}

/**
 * Whether a duplicate may be merged into `target`: not one already merged
 * away, and not a rejected one. Merging hands the duplicate's finders the
 * target's fate, and a rejection carries a reason written to one student;
 * merging into it would reject another student's flag without a reason they
 * can read. Reject the duplicate too, or reopen the target first. (The API
 * refuses the same, lib/server/flags/review-flag.ts.)
 */
export function canMergeInto(target: FlagAnnotation): boolean {
  return target.flag.status !== "merged" && target.flag.status !== "rejected";
}

/** Why a listed target cannot take a merge, in words for the menu; null when it can. */
export function mergeTargetNote(target: FlagAnnotation): string | null {
  return target.flag.status === "rejected" ? "rejected: reopen it to merge into it" : null;
}

/**
 * Flags `flag` could be merged into: other live, unmerged flags on the same
 * finding (see {@link findingKey}). Rejected ones are listed last, to be shown
 * marked and unselectable ({@link canMergeInto}), so a teacher sees why the
 * flag they expected is not on offer. Otherwise oldest first, since the first
 * finder's flag is the natural target.
 */
export function findMergeTargets(flag: AnnotationDTO, annotations: readonly AnnotationDTO[]): FlagAnnotation[] {
  if (!isFlagAnnotation(flag)) return [];
  const key = findingKey(flag);
  return annotations
    .filter(isFlagAnnotation)
    .filter((other) => other.id !== flag.id && other.flag.status !== "merged" && other.flag.mergedIntoId === null && findingKey(other) === key)
    .sort((a, b) => Number(!canMergeInto(a)) - Number(!canMergeInto(b)) || a.createdAt.localeCompare(b.createdAt));
}

/** How a run of marked text shows the flags over it. */
export interface FlagMark {
  /** The status drawn, when flags of several statuses overlap (strongest first, see STATUS_WEIGHT). */
  status: FlagStatus;
  /** Corrections of flags that end with this run, to show after it; empty when none end here. */
  corrections: string[];
  /** What to show after the run ("1955", "(delete)", "1955 / 1956"), or null when no flag ends here. */
  correctionText: string | null;
  /**
   * True when every flag over the run is fixed in the source: the text already
   * reads as the correction, so the run gets a quiet mark, no status line and
   * no "→ correction" (striking the corrected word through would call it wrong).
   */
  isFixedInSource: boolean;
}

/** Which status wins the styling when flags overlap: a decision beats an open question. */
const STATUS_WEIGHT: Record<FlagStatus, number> = {
  verified: 4,
  needs_evidence: 3,
  open: 2,
  rejected: 1,
  merged: 0,
};

/**
 * The flag styling for one run of text covered by `ids`, or null when none of
 * them is a flag. The correction is attached to the run where a flag's span
 * ends, so "→ 1955" follows the last word even when other highlights split
 * the flagged words into several runs. Merged flags are drawn by their target.
 * Flags fixed in the source only count when nothing else is flagged there.
 */
export function describeFlagMark(
  ids: readonly string[],
  runEnd: number,
  byId: ReadonlyMap<string, AnnotationDTO>,
): FlagMark | null {
  const flags = ids
    .map((id) => byId.get(id))
    .filter((a): a is FlagAnnotation => a !== undefined && isFlagAnnotation(a) && a.flag.status !== "merged");
  if (flags.length === 0) return null;
  const pending = flags.filter((a) => !a.flag.fixedInSource);
  if (pending.length === 0) return { status: flags[0].flag.status, corrections: [], correctionText: null, isFixedInSource: true };
  return describePending(pending, runEnd);
}

function describePending(flags: readonly FlagAnnotation[], runEnd: number): FlagMark {
  const status = flags.reduce((best, a) => (STATUS_WEIGHT[a.flag.status] > STATUS_WEIGHT[best] ? a.flag.status : best), flags[0].flag.status);
  const corrections = [...new Set(flags.filter((a) => a.span?.end === runEnd).map((a) => a.flag.correction))];
  const correctionText = corrections.length > 0 ? corrections.map((c) => (c === "" ? "(delete)" : c)).join(" / ") : null;
  return { status, corrections, correctionText, isFixedInSource: false };
}
