import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import { findVisibleFlag, recordFlagChange } from "./find-flag";
import { lockFlags, requireTeacher, STALE_FLAG_MESSAGE, writeDecision } from "./flag-decisions";

const RESTORABLE = new Set(["open", "verified", "rejected", "needs_evidence"]);

/**
 * Undoes a merge (mergeFlags in review-flag.ts): the duplicate stands on its
 * own again with the status it had before it was merged (read from the
 * merge's own audit entry), and the target loses the finders the merge
 * brought, but keeps any it is owed through its own author or another flag
 * still merged into it. Same locks and checks as the merge: both rows locked
 * in id order, `version` is the duplicate's reviewVersion the teacher saw
 * (409 when stale), both writes carry the access check and bump their
 * version, and the audit entries and live events are in the same
 * transaction. A target that was itself merged since is refused: undo that
 * merge first, or the finders would stay credited further up the chain.
 */
export async function unmergeFlag({ viewerId, annotationId, version }: { viewerId: string; annotationId: string; version?: number }) {
  const from = await findVisibleFlag(viewerId, annotationId);
  requireTeacher(from);
  const intoId = from.flag.mergedIntoId;
  if (from.flag.status !== "merged" || !intoId) throw new AppError("conflict", "This flag is not merged into another flag (any more).");
  const into = await findVisibleFlag(viewerId, intoId);

  await db.$transaction(async (tx) => {
    const locked = await lockFlags(tx, [annotationId, intoId]);
    const [lockedFrom, lockedInto] = [locked.get(annotationId), locked.get(intoId)];
    if (!lockedFrom || !lockedInto) throw notFound("That flag");
    if (version !== undefined && version !== lockedFrom.reviewVersion) throw new AppError("conflict", STALE_FLAG_MESSAGE);
    if (lockedFrom.status !== "merged" || lockedFrom.mergedIntoId !== intoId) {
      throw new AppError("conflict", "This flag is no longer merged into that flag. Reload to see where it stands now.");
    }
    if (lockedInto.status === "merged") {
      throw new AppError("conflict", "The flag this one was merged into has since been merged into another. Undo that merge first.");
    }
    const restored = await statusBeforeMerge(tx, annotationId);
    await writeDecision(tx, viewerId, lockedFrom, { status: restored, mergedIntoId: null }, "merged");
    await writeDecision(tx, viewerId, lockedInto, {});
    await takeBackCredits(tx, annotationId, intoId);
    await tx.auditEvent.createMany({
      data: [
        // The reasons name the partner in the merge's own form, so the DTO hides the id from those who cannot see it (merge-partners.ts).
        { actorId: viewerId, entityType: "flag", entityId: annotationId, action: "unmerged", fromState: "merged", toState: restored, reason: `Merged into ${intoId}` },
        { actorId: viewerId, entityType: "flag", entityId: intoId, action: "unmerged-out", reason: `Merged from ${annotationId}` },
      ],
    });
    await recordFlagChange(tx, from, viewerId);
    await recordFlagChange(tx, into, viewerId);
  });
  const [annotation, target] = await Promise.all([reloadAnnotation(viewerId, annotationId), reloadAnnotation(viewerId, intoId)]);
  return { annotation, target };
}

/** The status the flag had when it was last merged; "open" if the trail does not say (it always has, since merges were audited). */
async function statusBeforeMerge(tx: Tx, annotationId: string) {
  const merge = await tx.auditEvent.findFirst({
    where: { entityType: "flag", entityId: annotationId, action: "merged" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { fromState: true },
  });
  const status = merge?.fromState ?? "open";
  return (RESTORABLE.has(status) ? status : "open") as "open" | "verified" | "rejected" | "needs_evidence";
}

/**
 * Removes from the target the credits the merge copied there (they keep the
 * duplicate's `fromAnnotationId`s: its own and those of flags merged into it
 * earlier), then credits again, from the flags still merged into the target,
 * anyone whose credit the merge had skipped as a duplicate of the one just
 * removed. The target's own author credit comes from the target itself, so it
 * is never among those removed.
 */
async function takeBackCredits(tx: Tx, annotationId: string, intoId: string) {
  const own = await tx.flagCredit.findMany({ where: { flagId: annotationId }, select: { fromAnnotationId: true } });
  const brought = [annotationId, ...own.map((c) => c.fromAnnotationId)];
  await tx.flagCredit.deleteMany({ where: { flagId: intoId, fromAnnotationId: { in: brought } } });
  const stillMerged = await tx.flag.findMany({
    where: { mergedIntoId: intoId, status: "merged", annotationId: { not: annotationId } },
    select: { annotationId: true, annotation: { select: { authorId: true, importedAt: true } }, credits: { select: { userId: true, fromAnnotationId: true } } },
  });
  const owed = stillMerged.flatMap((m) =>
    m.credits.length > 0 || m.annotation.importedAt ? m.credits : [{ userId: m.annotation.authorId, fromAnnotationId: m.annotationId }],
  );
  if (owed.length === 0) return;
  await tx.flagCredit.createMany({ data: owed.map((c) => ({ flagId: intoId, ...c })), skipDuplicates: true });
}
