import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import type { ReviewFlagInput } from "@/lib/validation/flag";
import { findVisibleFlag, recordFlagChange, type VisibleFlag } from "./find-flag";

/**
 * The teacher's decision on a flag: verified (optionally with an edited
 * correction), rejected (with a reason the student sees), needs evidence, or
 * back to open. The status, the audit entry and the live event are one
 * transaction, so the trail never misses a change.
 */
export async function reviewFlag({ viewerId, annotationId, input }: { viewerId: string; annotationId: string; input: ReviewFlagInput }) {
  const flag = await findVisibleFlag(viewerId, annotationId);
  requireTeacher(flag);
  if (flag.flag.status === "merged") throw new AppError("conflict", "This flag was merged into another; review that one.");
  const correction = input.status === "verified" && input.correction !== undefined ? input.correction : flag.flag.correction;

  await db.$transaction(async (tx) => {
    await tx.flag.update({
      where: { annotationId },
      data: { status: input.status, statusReason: input.reason || null, correction },
    });
    await tx.auditEvent.create({
      data: {
        actorId: viewerId,
        entityType: "flag",
        entityId: annotationId,
        action: "status",
        fromState: flag.flag.status,
        toState: input.status,
        reason: input.reason || null,
      },
    });
    if (correction !== flag.flag.correction) {
      await tx.auditEvent.create({
        data: {
          actorId: viewerId,
          entityType: "flag",
          entityId: annotationId,
          action: "correction",
          fromState: flag.flag.correction,
          toState: correction,
        },
      });
    }
    await recordFlagChange(tx, flag, viewerId);
  });
  return reloadAnnotation(viewerId, annotationId);
}

/**
 * Merges a duplicate flag into another on the same span with the same
 * correction. The duplicate is kept (status "merged", pointing at the
 * target) and its finders are credited on the target.
 */
export async function mergeFlags({ viewerId, annotationId, intoId }: { viewerId: string; annotationId: string; intoId: string }) {
  if (annotationId === intoId) throw new AppError("invalid", "Choose another flag to merge into.");
  const [from, into] = await Promise.all([findVisibleFlag(viewerId, annotationId), findVisibleFlag(viewerId, intoId)]);
  requireTeacher(from);
  if (from.assignmentId !== into.assignmentId) throw new AppError("invalid", "Only flags on the same assignment can be merged.");
  const sameSpan = from.revisionId === into.revisionId && from.startCp === into.startCp && from.endCp === into.endCp;
  const norm = (s: string) => s.trim().replace(/\s+/g, " ");
  if (!sameSpan || norm(from.flag.correction) !== norm(into.flag.correction)) {
    throw new AppError("invalid", "Only flags on the same passage with the same correction can be merged.");
  }
  if (from.flag.status === "merged" || into.flag.status === "merged") {
    throw new AppError("conflict", "One of these flags was already merged.");
  }

  await db.$transaction(async (tx) => {
    const credits = await tx.flagCredit.findMany({ where: { flagId: annotationId } });
    const finders = credits.length > 0 ? credits : [{ userId: from.authorId, fromAnnotationId: annotationId }];
    await tx.flagCredit.createMany({
      data: finders.map((c) => ({ flagId: intoId, userId: c.userId, fromAnnotationId: c.fromAnnotationId })),
      skipDuplicates: true,
    });
    await tx.flag.update({ where: { annotationId }, data: { status: "merged", mergedIntoId: intoId } });
    await tx.auditEvent.createMany({
      data: [
        { actorId: viewerId, entityType: "flag", entityId: annotationId, action: "merged", fromState: from.flag.status, toState: "merged", reason: `Merged into ${intoId}` },
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

