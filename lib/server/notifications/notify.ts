import "server-only";
import { db } from "@/lib/db";
import type { FlagStatus, NotificationKind } from "@/lib/generated/prisma/client";
import { mentionedIds, type TiptapDoc } from "@/lib/rich-text";
import { visibleAnnotationById } from "@/lib/server/annotations/visibility";
import { announceUnread } from "./unread-signal";

interface Draft {
  userId: string;
  kind: NotificationKind;
  assignmentId: string;
  annotationId?: string;
  replyId?: string;
  actorId?: string;
  flagStatus?: FlagStatus;
  reason?: string | null;
  dedupeKey: string;
}

/** Those of `userIds` who may see the thread now, by the one visibility rule (a mention never shows a private note). */
async function whoSees(annotationId: string, userIds: string[]): Promise<string[]> {
  const seen = await Promise.all(userIds.map(async (id) => ((await db.annotation.count({ where: visibleAnnotationById(id, annotationId) })) > 0 ? id : null)));
  return seen.filter((id): id is string => id !== null);
}

/** Writes the drafts; a cause already told (its dedupe key) is not told twice. Never fails the write it follows. */
async function save(drafts: Draft[]): Promise<void> {
  if (drafts.length === 0) return;
  try {
    const { count } = await db.notification.createMany({ data: drafts, skipDuplicates: true });
    if (count > 0) await announceUnread(drafts.map((d) => d.userId));
  } catch (error) {
    console.error("notifications: could not record", error);
  }
}

/**
 * After a comment or flag was written or edited: everyone it @mentions who
 * may see it is told, once per text and person (an edit that adds a mention
 * tells only the newcomer).
 */
export async function notifyMentions({ annotationId, assignmentId, actorId, doc }: { annotationId: string; assignmentId: string; actorId: string; doc: TiptapDoc | null }) {
  const mentioned = doc ? mentionedIds(doc).filter((id) => id !== actorId) : [];
  if (mentioned.length === 0) return;
  const readers = await whoSees(annotationId, mentioned);
  await save(readers.map((userId) => ({ userId, kind: "mention", assignmentId, annotationId, actorId, dedupeKey: `mention:${annotationId}:${userId}` })));
}

/**
 * After a reply was posted (or edited): the people it @mentions are told of
 * a mention; the thread's author and the earlier repliers, of a reply
 * (once per reply and person) — each only if they may see the thread.
 */
export async function notifyReply({ replyId, annotationId, actorId, doc, isEdit = false }: { replyId: string; annotationId: string; actorId: string; doc: TiptapDoc; isEdit?: boolean }) {
  const thread = await db.annotation.findUnique({
    where: { id: annotationId },
    select: { assignmentId: true, authorId: true, importedAt: true, replies: { where: { deletedAt: null, importedAt: null, id: { not: replyId } }, select: { authorId: true } } },
  });
  if (!thread) return;
  const mentioned = mentionedIds(doc).filter((id) => id !== actorId);
  const replied = isEdit ? [] : [...new Set([...(thread.importedAt ? [] : [thread.authorId]), ...thread.replies.map((r) => r.authorId)])].filter((id) => id !== actorId && !mentioned.includes(id));
  const readers = new Set(await whoSees(annotationId, [...mentioned, ...replied]));
  const base = { assignmentId: thread.assignmentId, annotationId, replyId, actorId };
  await save([
    ...mentioned.filter((id) => readers.has(id)).map((userId) => ({ ...base, userId, kind: "mention" as const, dedupeKey: `mention:${replyId}:${userId}` })),
    ...replied.filter((id) => readers.has(id)).map((userId) => ({ ...base, userId, kind: "reply" as const, dedupeKey: `reply:${replyId}:${userId}` })),
  ]);
}

/** After a teacher decided on a flag: its author is told (verified, rejected with the reason, evidence asked). */
export async function notifyFlagDecision({ annotationId, actorId, status, reason, reviewVersion }: { annotationId: string; actorId: string; status: FlagStatus; reason: string | null; reviewVersion: number }) {
  if (status !== "verified" && status !== "rejected" && status !== "needs_evidence") return;
  const flag = await db.annotation.findUnique({ where: { id: annotationId }, select: { authorId: true, assignmentId: true, importedAt: true } });
  if (!flag || flag.importedAt || flag.authorId === actorId) return;
  await save([
    {
      userId: flag.authorId,
      kind: "flag_decision",
      assignmentId: flag.assignmentId,
      annotationId,
      actorId,
      flagStatus: status,
      reason,
      dedupeKey: `flag:${annotationId}:${reviewVersion}`,
    },
  ]);
}

/** After a reading was assigned: every student of the class is told. */
export async function notifyNewAssignment({ assignmentId, actorId }: { assignmentId: string; actorId: string }) {
  const assignment = await db.assignment.findUnique({ where: { id: assignmentId }, select: { classroom: { select: { memberships: { where: { role: "student" }, select: { userId: true } } } } } });
  await save((assignment?.classroom.memberships ?? []).map(({ userId }) => ({ userId, kind: "assignment_new", assignmentId, actorId, dedupeKey: `assignment:${assignmentId}:${userId}` })));
}
