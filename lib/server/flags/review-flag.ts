import "server-only";
import { db } from "@/lib/db";
import { normalizeCorrection } from "@/lib/annotations/flags";
import { regionKey, type Region } from "@/lib/sources/regions";
import { notifyFlagDecision } from "@/lib/server/notifications/notify";
import { applyTranscriptionFlag } from "@/lib/server/sources/correct-transcription";
import { AppError, notFound } from "@/lib/errors";
import { reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import type { ReviewFlagInput } from "@/lib/validation/flag";
import { findVisibleFlag, recordFlagChange } from "./find-flag";
import { lockFlags, requireTeacher, STALE_FLAG_MESSAGE, writeDecision, writeReview } from "./flag-decisions";

/**
 * The teacher's decision on a flag: verified (optionally with an edited
 * correction), rejected (with a reason the student sees), needs evidence, or
 * back to open. `input.version` is the flag's reviewVersion the teacher saw:
 * a decision made on a stale view is 409, not a silent overwrite. The row is
 * locked, the write carries the access check, and the status, the audit
 * entry and the live event are one transaction, so the trail never misses a
 * change and never records a state the flag was not in.
 */
export async function reviewFlag({ viewerId, annotationId, input }: { viewerId: string; annotationId: string; input: ReviewFlagInput }) {
  const flag = await findVisibleFlag(viewerId, annotationId);
  requireTeacher(flag);

  await db.$transaction(async (tx) => {
    const locked = (await lockFlags(tx, [annotationId])).get(annotationId);
    const correction = await writeReview(tx, { viewerId, flag, locked, input });
    // A verified transcription error on a scan may correct the transcription too (a new revision; annotations re-anchor).
    if (input.status === "verified" && input.applyToTranscription) await applyTranscriptionFlag(tx, { viewerId, annotationId, correction });
  }, { timeout: 30_000 });
  const fresh = await reloadAnnotation(viewerId, annotationId);
  await notifyFlagDecision({ annotationId, actorId: viewerId, status: input.status, reason: input.reason || null, reviewVersion: fresh.flag?.reviewVersion ?? 0 });
  return fresh;
}

/**
 * Merges a duplicate flag into another on the same span with the same
 * correction. The duplicate is kept (status "merged", pointing at the
 * target) and its finders are credited on the target. Both rows are locked
 * and re-checked inside the transaction, and both writes carry the access
 * check: of two merges racing A into B and B into A, one wins and the other
 * gets 409. `version` is the duplicate's reviewVersion the teacher saw.
 * Nothing merges into a rejected flag (lib/annotations/flags.ts canMergeInto
 * says why). Undone by unmergeFlag (unmerge-flag.ts).
 */
export async function mergeFlags({ viewerId, annotationId, intoId, version }: { viewerId: string; annotationId: string; intoId: string; version?: number }) {
  if (annotationId === intoId) throw new AppError("invalid", "Choose another flag to merge into.");
  const [from, into] = await Promise.all([findVisibleFlag(viewerId, annotationId), findVisibleFlag(viewerId, intoId)]);
  requireTeacher(from);
  if (from.assignmentId !== into.assignmentId) throw new AppError("invalid", "Only flags on the same assignment can be merged.");
  const sameSpan =
    from.revisionId === into.revisionId && from.startCp === into.startCp && from.endCp === into.endCp && regionKey(from.region as Region | null) === regionKey(into.region as Region | null);
  if (!sameSpan) throw new AppError("invalid", "Only flags on the same passage with the same correction can be merged.");

  await db.$transaction(async (tx) => {
    const locked = await lockFlags(tx, [annotationId, intoId]);
    const [lockedFrom, lockedInto] = [locked.get(annotationId), locked.get(intoId)];
    if (!lockedFrom || !lockedInto) throw notFound("That flag");
    if (lockedFrom.status === "merged" || lockedInto.status === "merged") throw new AppError("conflict", "One of these flags was already merged.");
    if (version !== undefined && version !== lockedFrom.reviewVersion) throw new AppError("conflict", STALE_FLAG_MESSAGE);
    if (lockedInto.status === "rejected") {
      // lib/annotations/flags.ts canMergeInto says why; the menus mark such flags and never offer them.
      throw new AppError("conflict", "That flag was rejected, so nothing can be merged into it. Reject this one too, or reopen that one first.");
    }
    if (normalizeCorrection(lockedFrom.correction) !== normalizeCorrection(lockedInto.correction)) {
      throw new AppError("invalid", "Only flags on the same passage with the same correction can be merged.");
    }
    await writeDecision(tx, viewerId, lockedFrom, { status: "merged", mergedIntoId: intoId });
    await writeDecision(tx, viewerId, lockedInto, {});

    const credits = await tx.flagCredit.findMany({ where: { flagId: annotationId } });
    // An imported flag has no finder to pass on (its author is the importing teacher).
    const finders = credits.length > 0 || from.importedAt ? credits : [{ userId: from.authorId, fromAnnotationId: annotationId }];
    await tx.flagCredit.createMany({
      data: finders.map((c) => ({ flagId: intoId, userId: c.userId, fromAnnotationId: c.fromAnnotationId })),
      skipDuplicates: true,
    });
    await tx.auditEvent.createMany({
      data: [
        { actorId: viewerId, entityType: "flag", entityId: annotationId, action: "merged", fromState: lockedFrom.status, toState: "merged", reason: `Merged into ${intoId}` },
        { actorId: viewerId, entityType: "flag", entityId: intoId, action: "merged-in", reason: `Merged from ${annotationId}` },
      ],
    });
    await recordFlagChange(tx, from, viewerId);
    await recordFlagChange(tx, into, viewerId);
  });
  // Both changed: the answer carries both, so a client shows the duplicate as merged (with its new version, for an undo) without a reload.
  const [annotation, merged] = await Promise.all([reloadAnnotation(viewerId, intoId), reloadAnnotation(viewerId, annotationId)]);
  return { annotation, merged };
}
