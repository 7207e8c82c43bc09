import "server-only";
import { resolveMentions } from "@/lib/server/mentions/resolve-mentions";
import { notifyMentions } from "@/lib/server/notifications/notify";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkBody, toJson } from "@/lib/server/annotations/check-body";
import { reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import { staleEdit } from "@/lib/server/annotations/update-annotation";
import type { EditFlagInput } from "@/lib/validation/flag";
import { findVisibleFlag, recordFlagChange } from "./find-flag";

/**
 * The author revises a flag while it is open or awaiting evidence. Answering
 * "needs evidence" puts it back in the teacher's queue as open. Guarded by
 * the annotation's version like every edit (409 when stale).
 */
export async function editFlag({ viewerId, annotationId, input }: { viewerId: string; annotationId: string; input: EditFlagInput }) {
  const flag = await findVisibleFlag(viewerId, annotationId);
  if (flag.authorId !== viewerId) throw new AppError("forbidden", "You can only edit your own flags.");
  if (flag.flag.status !== "open" && flag.flag.status !== "needs_evidence") {
    throw new AppError("conflict", "This flag has been reviewed; it can no longer be edited.");
  }
  const rationale =
    input.rationale === undefined ? undefined : await resolveMentions(checkBody(input.rationale, "rationale"), { assignmentId: flag.assignmentId, authorId: viewerId });
  const reopens = flag.flag.status === "needs_evidence";

  await db.$transaction(async (tx) => {
    const bumped = await tx.annotation.updateMany({
      where: { id: annotationId, authorId: viewerId, version: input.version, deletedAt: null },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw staleEdit(await reloadAnnotation(viewerId, annotationId));
    await tx.flag.update({
      where: { annotationId },
      data: {
        ...(input.category ? { category: input.category } : {}),
        ...(input.correction !== undefined ? { correction: input.correction } : {}),
        ...(rationale ? { rationale: toJson(rationale) } : {}),
        ...(reopens ? { status: "open" as const } : {}),
      },
    });
    if (input.evidence) {
      await tx.evidence.deleteMany({ where: { flagId: annotationId } });
      await tx.evidence.createMany({ data: input.evidence.map((e, position) => ({ ...e, flagId: annotationId, position })) });
    }
    await tx.auditEvent.create({
      data: {
        actorId: viewerId,
        entityType: "flag",
        entityId: annotationId,
        action: reopens ? "resubmitted" : "edited",
        fromState: flag.flag.status,
        toState: reopens ? "open" : flag.flag.status,
      },
    });
    await recordFlagChange(tx, flag, viewerId);
  });
  if (rationale) await notifyMentions({ annotationId, assignmentId: flag.assignmentId, actorId: viewerId, doc: rationale });
  return reloadAnnotation(viewerId, annotationId);
}
