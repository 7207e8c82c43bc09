import "server-only";
import type { AnnotationDTO, FlagDTO } from "@/lib/annotations/types";
import type { Block } from "@/lib/content";
import { db } from "@/lib/db";
import { applyCorrections, type Correction } from "@/lib/errata/apply-corrections";
import { erratumCategoryLabel, safeEvidenceUrl } from "@/lib/errata/format-erratum";
import type { ErrataDocument, ErratumEntry, SkipInfo } from "@/lib/errata/types";
import { notFound } from "@/lib/errors";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";

type VerifiedFlag = AnnotationDTO & { flag: FlagDTO };

/**
 * A flag belongs in the errata once a teacher verified it and it still stands
 * on its own: merged flags count through the flag they were merged into, a
 * deleted one was withdrawn, and a hidden one was taken down by a teacher (it
 * is left out for everyone, so the class shares one errata sheet).
 */
function isErratum(a: AnnotationDTO): a is VerifiedFlag {
  return a.kind === "flag" && a.flag?.status === "verified" && a.flag.mergedIntoId === null && !a.isDeleted && !a.isHidden;
}

function byTextOrder(a: VerifiedFlag, b: VerifiedFlag): number {
  // Unplaced flags (only already-fixed ones are kept) fall back to their stored position.
  const [sa, sb] = [a.span ?? a.position, b.span ?? b.position];
  return sa.start - sb.start || sa.end - sb.end || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

function toEntry(a: VerifiedFlag, number: number | null, original: string, outcome: ErratumEntry["outcome"], skip?: SkipInfo): ErratumEntry {
  return {
    id: a.id,
    number,
    original,
    correction: a.flag.correction,
    category: a.flag.category,
    categoryLabel: erratumCategoryLabel(a.flag.category),
    finders: a.flag.finders.map((f) => f.name),
    evidence: a.flag.evidence.map((e) => ({ ...e, url: safeEvidenceUrl(e.url) })),
    fixedInSource: a.flag.fixedInSource,
    outcome,
    ...(skip ? { skip } : {}),
  };
}

/**
 * The errata of an assignment's essay as this viewer may see it: the
 * teacher-verified flags placed on the current revision, numbered in text
 * order and applied as corrections, plus those a later revision of the source
 * already reads as corrected. Visibility is findAnnotations' (including the
 * peer-flag setting), so a student sees the errata built from the flags the
 * reader shows them. Throws not_found for non-members, an unknown assignment,
 * or when `slug` is given and is not the assignment's essay.
 */
export async function findErrata({
  viewerId,
  assignmentId,
  slug,
}: {
  viewerId: string;
  assignmentId: string;
  slug?: string;
}): Promise<ErrataDocument> {
  const list = await findAnnotations({ viewerId, assignmentId });
  // Membership is in the where as well: this query must not lean on the call above for its safety.
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, classroom: { memberships: { some: { userId: viewerId } } }, ...(slug ? { essay: { slug } } : {}) },
    select: {
      classroom: { select: { name: true } },
      essay: {
        select: {
          slug: true,
          title: true,
          author: true,
          source: true,
          sourceUrl: true,
          retrieved: true,
          notes: true,
          // The revision the spans were computed on, not whatever is newest by now.
          revisions: { where: { id: list.revisionId }, select: { id: true, number: true, text: true, blocks: true } },
        },
      },
    },
  });
  const revision = row?.essay.revisions[0];
  if (!row || !revision) throw notFound("That assignment");
  const text = revision.text;
  const blocks = revision.blocks as unknown as Block[];

  const verified = list.annotations.filter(isErratum).sort(byTextOrder);
  const placed = verified.filter((a) => !a.flag.fixedInSource && a.span !== null);
  const numbered = placed.map((a, i) => ({ a, number: i + 1, span: a.span! }));
  // "replaced": a newer revision rewrote the flagged words (but not into the fix), so the fix no longer fits them.
  const corrections: Correction[] = numbered
    .filter(({ a }) => a.anchorStatus !== "replaced")
    .map(({ a, number, span }) => ({ id: a.id, number, start: span.start, end: span.end, replacement: a.flag.correction }));
  const result = applyCorrections({ text, blocks, corrections });
  const skips = new Map(
    result.skipped.map(({ id, reason, overlapsWith }): [string, SkipInfo] => [id, overlapsWith ? { reason, overlapsWith } : { reason }]),
  );

  const errata = numbered.map(({ a, number, span }): ErratumEntry => {
    if (a.anchorStatus === "replaced") return toEntry(a, number, a.quote.exact, "skipped", { reason: "source_changed" });
    const skip = skips.get(a.id);
    const original = text.slice(span.start, span.end);
    return skip ? toEntry(a, number, original, "skipped", skip) : toEntry(a, number, original, "applied");
  });
  const alreadyFixed = verified
    .filter((a) => a.flag.fixedInSource)
    .map((a) => toEntry(a, null, a.quote.exact, "fixed_in_source"));

  const { title, author, source, sourceUrl, retrieved, notes } = row.essay;
  return {
    essay: { slug: row.essay.slug, meta: { title, author, source, sourceUrl: sourceUrl ?? undefined, retrieved, notes } },
    assignment: { id: assignmentId, className: row.classroom.name },
    revision: { id: revision.id, number: revision.number },
    text,
    blocks,
    corrected: { text: result.text, blocks: result.correctedBlocks },
    pieces: result.pieces,
    errata,
    alreadyFixed,
    peerFlagsVisible: list.peerFlagsVisible,
  };
}
