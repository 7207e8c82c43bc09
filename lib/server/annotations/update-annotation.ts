import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireOpenAssignment } from "@/lib/server/classes/find-assignment-access";
import { audienceScope } from "@/lib/server/live/hearing";
import { recordChange, rootGroup } from "@/lib/server/live/record-change";
import { resolveMentions } from "@/lib/server/mentions/resolve-mentions";
import { notifyMentions } from "@/lib/server/notifications/notify";
import { requireClassCode, UNKNOWN_CODE } from "@/lib/server/highlight-codes/check-code";
import { isForeignKeyViolation } from "@/lib/server/db-errors";
import type { UpdateAnnotationInput } from "@/lib/validation/annotation";
import { checkBody, toJson } from "./check-body";
import { findAnnotation, reloadAnnotation } from "./find-annotations";

/**
 * Edits your own annotation: body, tags, scope or highlight code. The edit names the version
 * it saw; if the row moved on since (another tab, a retried request), the
 * answer is 409 with the current version, and nothing is overwritten.
 */
export async function updateAnnotation({
  viewerId,
  annotationId,
  input,
}: {
  viewerId: string;
  annotationId: string;
  input: UpdateAnnotationInput;
}): Promise<AnnotationDTO> {
  const { row, access } = await findAnnotation({ viewerId, annotationId });
  requireOpenAssignment(access);
  if (row.authorId !== viewerId) throw new AppError("forbidden", "You can only edit your own annotations.");
  // Its words are the file's, shown as originally by someone else: editing them would forge that.
  if (row.importedAt) throw new AppError("forbidden", "An imported annotation keeps the words of its file; it cannot be edited.");
  if (row.deletedAt) throw new AppError("conflict", "This annotation was deleted.");

  if (input.codeId && row.kind === "flag") throw new AppError("invalid", "A flag is not coded: highlight or comment on the words to code them.");
  await requireClassCode(access.assignment.classroomId, input.codeId);
  const body = input.body === undefined ? undefined : await resolveMentions(checkBody(input.body, "comment"), { assignmentId: row.assignmentId, authorId: viewerId });
  await db
    .$transaction(async (tx) => {
      const updated = await tx.annotation.updateMany({
        where: { id: annotationId, authorId: viewerId, version: input.version, deletedAt: null, importedAt: null },
        data: {
          ...(body ? { body: toJson(body), kind: row.kind === "highlight" ? "comment" : row.kind } : {}),
          ...(input.tags ? { tags: input.tags } : {}),
          ...(input.scope ? { scope: input.scope } : {}),
          ...(input.codeId !== undefined ? { codeId: input.codeId } : {}),
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw staleEdit(await reloadAnnotation(viewerId, annotationId));
      await recordChange(tx, {
        assignmentId: row.assignmentId,
        type: "annotation.updated",
        entityId: annotationId,
        actorId: viewerId,
        // Narrowing the scope must still reach those who could see it before.
        scope: widerScope(audienceScope(row), audienceScope({ ...row, scope: input.scope ?? row.scope })),
        ownerId: viewerId,
        kind: row.kind,
        groupId: rootGroup(annotationId),
      });
    })
    .catch((error: unknown) => {
      // The code was removed by a teacher between the check and the write.
      if (isForeignKeyViolation(error) && input.codeId) throw new AppError("invalid", UNKNOWN_CODE);
      throw error;
    });
  if (body) await notifyMentions({ annotationId, assignmentId: row.assignmentId, actorId: viewerId, doc: body });
  return reloadAnnotation(viewerId, annotationId);
}

/** Deletes your own annotation. With replies it stays as "deleted" so the thread survives. */
export async function deleteAnnotation({
  viewerId,
  annotationId,
  version,
}: {
  viewerId: string;
  annotationId: string;
  version: number;
}): Promise<void> {
  const { row, access } = await findAnnotation({ viewerId, annotationId });
  requireOpenAssignment(access);
  if (row.authorId !== viewerId) throw new AppError("forbidden", "You can only delete your own annotations.");
  await db.$transaction(async (tx) => {
    const deleted = await tx.annotation.updateMany({
      where: { id: annotationId, authorId: viewerId, version, deletedAt: null },
      data: { deletedAt: new Date(), body: Prisma.DbNull, tags: [], version: { increment: 1 } },
    });
    if (deleted.count === 0) throw staleEdit(await reloadAnnotation(viewerId, annotationId));
    await recordChange(tx, {
      assignmentId: row.assignmentId,
      type: "annotation.deleted",
      entityId: annotationId,
      actorId: viewerId,
      scope: audienceScope(row),
      ownerId: viewerId,
      kind: row.kind,
      groupId: rootGroup(annotationId),
    });
  });
}

export function staleEdit(current: unknown): AppError {
  return new AppError(
    "conflict",
    "This was changed somewhere else since you opened it (perhaps in another tab). Your text is kept; reload to see the latest version.",
    { current },
  );
}

const RANK = { private: 0, teachers: 1, class: 2 } as const;
function widerScope<S extends keyof typeof RANK>(a: S, b: S): S {
  return RANK[a] >= RANK[b] ? a : b;
}
