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
 * Flags `flag` could be merged into: other live flags on the same stored span
 * with the same correction (the API's rule), that are not merged themselves.
 * Ordered oldest first, since the first finder's flag is the natural target.
 */
export function findMergeTargets(flag: AnnotationDTO, annotations: readonly AnnotationDTO[]): FlagAnnotation[] {
  if (!isFlagAnnotation(flag)) return [];
  return annotations
    .filter(isFlagAnnotation)
    .filter(
      (other) =>
        other.id !== flag.id &&
        other.flag.status !== "merged" &&
        other.flag.mergedIntoId === null &&
        other.position.start === flag.position.start &&
        other.position.end === flag.position.end &&
        other.flag.correction === flag.flag.correction,
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
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
