import "server-only";
import { applyTranscriptionFlag } from "@/lib/server/sources/correct-transcription";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";
import type { ReviewFlagInput } from "@/lib/validation/flag";
import { findVisibleFlag, recordFlagChange, type VisibleFlag } from "./find-flag";

/** A flag row as it stands under this transaction's lock. */
interface LockedFlag {
  annotationId: string;
  status: string;
  correction: string;
  reviewVersion: number;
}

const STALE = "This flag was changed meanwhile (another tab or a co-teacher). Reload to see where it stands now, then decide again.";

/**
 * Locks the given flags (in id order, so two merges naming the same pair in
 * opposite directions queue instead of deadlocking) and returns them as they
 * stand now. The lock reads nothing the caller may not see: access is checked
 * by the conditional writes that follow, which answer 404 when it fails.
 */
async function lockFlags(tx: Tx, ids: string[]): Promise<Map<string, LockedFlag>> {
  const rows = await tx.$queryRaw<LockedFlag[]>`
    select "annotationId", status::text as status, correction, "reviewVersion" from flags
    where "annotationId" in (${Prisma.join(ids)}) order by "annotationId" for update`;
  return new Map(rows.map((r) => [r.annotationId, r]));
}

/**
 * Writes a decision on one flag only if the viewer still teaches its class,
 * the flag is still live and unmerged, and nobody decided since `locked` was
 * read: the access check is the write's own `where`, not an earlier read.
 */
async function writeDecision(tx: Tx, viewerId: string, locked: LockedFlag, data: Prisma.FlagUncheckedUpdateManyInput) {
  const written = await tx.flag.updateMany({
    where: {
      annotationId: locked.annotationId,
      reviewVersion: locked.reviewVersion,
      status: { not: "merged" },
      annotation: { kind: "flag", deletedAt: null, assignment: taughtBy(viewerId) },
    },
    data: { ...data, reviewVersion: { increment: 1 } },
  });
  if (written.count === 0) throw notFound("That flag");
}

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
    if (!locked) throw notFound("That flag");
    if (locked.status === "merged") throw new AppError("conflict", "This flag was merged into another; review that one.");
    if (input.version !== undefined && input.version !== locked.reviewVersion) throw new AppError("conflict", STALE);
    const correction = input.status === "verified" && input.correction !== undefined ? input.correction : locked.correction;
    await writeDecision(tx, viewerId, locked, { status: input.status, statusReason: input.reason || null, correction });
    const audit = { actorId: viewerId, entityType: "flag", entityId: annotationId };
    await tx.auditEvent.create({ data: { ...audit, action: "status", fromState: locked.status, toState: input.status, reason: input.reason || null } });
    if (correction !== locked.correction) {
      await tx.auditEvent.create({ data: { ...audit, action: "correction", fromState: locked.correction, toState: correction } });
    }
    await recordFlagChange(tx, flag, viewerId);
    if (input.status === "verified" && input.applyToTranscription) await applyTranscriptionFlag(tx, { viewerId, annotationId, correction });
    // Applying a correction re-anchors the reading's annotations, which may take longer than a decision alone.
  }, { timeout: 30_000 });
  return reloadAnnotation(viewerId, annotationId);
}

/**
 * Merges a duplicate flag into another on the same span with the same
 * correction. The duplicate is kept (status "merged", pointing at the
 * target) and its finders are credited on the target. Both rows are locked
 * and re-checked inside the transaction, and both writes carry the access
 * check: of two merges racing A into B and B into A, one wins and the other
 * gets 409. `version` is the duplicate's reviewVersion the teacher saw.
 */
export async function mergeFlags({ viewerId, annotationId, intoId, version }: { viewerId: string; annotationId: string; intoId: string; version?: number }) {
  if (annotationId === intoId) throw new AppError("invalid", "Choose another flag to merge into.");
  const [from, into] = await Promise.all([findVisibleFlag(viewerId, annotationId), findVisibleFlag(viewerId, intoId)]);
  requireTeacher(from);
  if (from.assignmentId !== into.assignmentId) throw new AppError("invalid", "Only flags on the same assignment can be merged.");
  const sameSpan = from.revisionId === into.revisionId && from.startCp === into.startCp && from.endCp === into.endCp;
  if (!sameSpan) throw new AppError("invalid", "Only flags on the same passage with the same correction can be merged.");

  await db.$transaction(async (tx) => {
    const locked = await lockFlags(tx, [annotationId, intoId]);
    const [lockedFrom, lockedInto] = [locked.get(annotationId), locked.get(intoId)];
    if (!lockedFrom || !lockedInto) throw notFound("That flag");
    if (lockedFrom.status === "merged" || lockedInto.status === "merged") throw new AppError("conflict", "One of these flags was already merged.");
    if (version !== undefined && version !== lockedFrom.reviewVersion) throw new AppError("conflict", STALE);
    const norm = (s: string) => s.trim().replace(/\s+/g, " ");
    if (norm(lockedFrom.correction) !== norm(lockedInto.correction)) {
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
  return reloadAnnotation(viewerId, intoId);
}

function requireTeacher(flag: VisibleFlag) {
  if (flag.role !== "teacher") throw new AppError("forbidden", "Only the class's teachers can review flags.");
}
