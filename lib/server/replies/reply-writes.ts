import "server-only";
import { ownedId } from "@/lib/annotations/owned-id";
import type { ReplyDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NOT_IMPORTED, ownDtoContext, toReplyDTO } from "@/lib/server/annotations/annotation-dto";
import { checkBody, toJson } from "@/lib/server/annotations/check-body";
import { dtoContextFor, findAnnotation } from "@/lib/server/annotations/find-annotations";
import { staleEdit } from "@/lib/server/annotations/update-annotation";
import { visibleAnnotationById, visibleReplyWhere } from "@/lib/server/annotations/visibility";
import { findAssignmentAccess, requireOpenAssignment } from "@/lib/server/classes/find-assignment-access";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { audienceScope } from "@/lib/server/live/hearing";
import { newAnnotationGroup } from "@/lib/server/groups/author-group";
import { changeLogSteps, recordChange, rootGroup } from "@/lib/server/live/record-change";
import { resolveMentions } from "@/lib/server/mentions/resolve-mentions";
import { notifyReply } from "@/lib/server/notifications/notify";

const replyInclude = { author: { select: { id: true, name: true } } } as const;

/**
 * Replies to an annotation the viewer can see. Replies inherit the thread's
 * scope. The id comes from the client and is stored per author (ownedId), so
 * a retried request is answered with the first reply instead of a second one,
 * and another person's id is just a new id.
 */
export async function createReply({
  viewerId,
  annotationId,
  input,
}: {
  viewerId: string;
  annotationId: string;
  input: { id: string; body: unknown };
}): Promise<{ reply: ReplyDTO; isNew: boolean }> {
  input = { ...input, id: ownedId(viewerId, input.id) };
  const thread = await db.annotation.findFirst({
    where: visibleAnnotationById(viewerId, annotationId),
    select: { assignmentId: true, authorId: true, scope: true, kind: true, guide: true, hiddenAt: true, deletedAt: true },
  });
  const access = thread && (await findAssignmentAccess({ viewerId, assignmentId: thread.assignmentId }));
  if (!thread || !access) throw notFound("That annotation");
  requireOpenAssignment(access);
  const context = ownDtoContext(viewerId, access);
  const replay = async () => {
    const reply = await db.reply.findUnique({ where: { id: input.id }, include: replyInclude });
    if (!reply || reply.authorId !== viewerId || reply.annotationId !== annotationId) {
      throw new AppError("conflict", "That reply id is already taken. Reload the page and try again.");
    }
    return { reply: toReplyDTO(reply, context), isNew: false };
  };
  if (thread.deletedAt) {
    // Closed threads take no new replies, but a retry of one sent before the close still gets its answer.
    if (await db.reply.count({ where: { id: input.id, authorId: viewerId } })) return replay();
    throw new AppError("conflict", "This thread's comment was deleted; replies are closed.");
  }
  const body = await resolveMentions(checkBody(input.body, "reply"), { assignmentId: thread.assignmentId, authorId: viewerId });
  const change = {
    assignmentId: thread.assignmentId,
    type: "reply.created",
    entityId: input.id,
    actorId: viewerId,
    scope: audienceScope(thread),
    ownerId: thread.authorId,
    kind: thread.kind,
    groupId: rootGroup(annotationId),
  } as const;
  try {
    // Insert first: the id is only looked up when it turns out to be taken (a retry, or two racing copies).
    const [row] = await db.$queryRaw<{ createdAt: Date; updatedAt: Date; groupId: string | null; authorName: string }[]>`
      with inserted as (
        insert into replies (id, "annotationId", "authorId", body, "groupId", "updatedAt")
        values (${input.id}, ${annotationId}, ${viewerId}, ${JSON.stringify(body)}::jsonb,
                ${newAnnotationGroup(thread.assignmentId, viewerId)}, current_timestamp)
        returning "createdAt", "updatedAt", "groupId"
      ), ${changeLogSteps(change)}
      select inserted."createdAt", inserted."updatedAt", inserted."groupId", u.name as "authorName" from inserted join users u on u.id = ${viewerId}`;
    const reply = {
      id: input.id,
      annotationId,
      authorId: viewerId,
      body: body as unknown as Prisma.JsonValue,
      version: 1,
      deletedAt: null,
      ...NOT_IMPORTED,
      groupId: row.groupId,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      author: { id: viewerId, name: row.authorName },
    };
    await notifyReply({ replyId: input.id, annotationId, actorId: viewerId, doc: body });
    return { reply: toReplyDTO(reply, context), isNew: true };
  } catch (error) {
    if (isUniqueViolation(error)) return replay();
    throw error;
  }
}

/** A reply the viewer can see (its thread is visible), with its thread's row. */
async function findVisibleReply(viewerId: string, replyId: string) {
  const reply = await db.reply.findFirst({
    where: { AND: [{ id: replyId }, visibleReplyWhere(viewerId)] },
    include: { ...replyInclude, annotation: { select: { assignmentId: true, scope: true, guide: true, hiddenAt: true, authorId: true, kind: true } } },
  });
  if (!reply) throw notFound("That reply");
  return reply;
}

/** Edits your own reply, guarded by its version (409 when stale). */
export async function updateReply({
  viewerId,
  replyId,
  input,
}: {
  viewerId: string;
  replyId: string;
  input: { version: number; body: unknown };
}): Promise<ReplyDTO> {
  const reply = await findVisibleReply(viewerId, replyId);
  if (reply.authorId !== viewerId) throw new AppError("forbidden", "You can only edit your own replies.");
  if (reply.importedAt) throw new AppError("forbidden", "An imported reply keeps the words of its file; it cannot be edited.");
  const body = await resolveMentions(checkBody(input.body, "reply"), { assignmentId: reply.annotation.assignmentId, authorId: viewerId });
  await writeReply(viewerId, reply, input.version, "reply.updated", { body: toJson(body) });
  await notifyReply({ replyId, annotationId: reply.annotationId, actorId: viewerId, doc: body, isEdit: true });
  const { access } = await findAnnotation({ viewerId, annotationId: reply.annotationId });
  const fresh = await db.reply.findUniqueOrThrow({ where: { id: replyId }, include: replyInclude });
  return toReplyDTO(fresh, await dtoContextFor(access, viewerId));
}

/** Deletes your own reply; the thread shows "deleted" in its place. */
export async function deleteReply({ viewerId, replyId, version }: { viewerId: string; replyId: string; version: number }) {
  const reply = await findVisibleReply(viewerId, replyId);
  if (reply.authorId !== viewerId) throw new AppError("forbidden", "You can only delete your own replies.");
  await writeReply(viewerId, reply, version, "reply.deleted", { deletedAt: new Date(), body: {} });
}

async function writeReply(
  viewerId: string,
  reply: Awaited<ReturnType<typeof findVisibleReply>>,
  version: number,
  type: "reply.updated" | "reply.deleted",
  data: Prisma.ReplyUpdateManyMutationInput,
) {
  await db.$transaction(async (tx) => {
    const written = await tx.reply.updateMany({
      where: { id: reply.id, authorId: viewerId, version, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (written.count === 0) throw staleEdit({ id: reply.id });
    await recordChange(tx, {
      assignmentId: reply.annotation.assignmentId,
      type,
      entityId: reply.id,
      actorId: viewerId,
      scope: audienceScope(reply.annotation),
      ownerId: reply.annotation.authorId,
      kind: reply.annotation.kind,
      groupId: rootGroup(reply.annotationId),
    });
  });
}
