import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordChange } from "@/lib/server/live/record-change";
import { authorGroupSql } from "./author-group";

/**
 * After groups change (a split, a move, an assignment switching sets): files
 * every annotation of the assignments again under its author's group as it
 * stands now, so "class" keeps meaning "my group", and tells their readers to
 * reload (one whole-assignment change each). A moved student's annotations
 * move with them, replies included: their new group sees them from now on,
 * their old group no longer does.
 *
 * The caller holds lockForRegrouping first: a create that read the old
 * groups must commit before this re-files, and one that starts later reads
 * the new groups. Returns how many annotations changed group.
 */
export async function refileAnnotations(tx: Tx, assignmentIds: string[], actorId: string): Promise<number> {
  if (assignmentIds.length === 0) return 0;
  const group = authorGroupSql(Prisma.sql`an."assignmentId"`, Prisma.sql`an."authorId"`);
  const moved = await tx.$executeRaw`
    update annotations an set "groupId" = ${group}
     where an."assignmentId" in (${Prisma.join(assignmentIds)}) and an."groupId" is distinct from ${group}`;
  // Replies carry their author's group too: the rule reads it for answers to a guiding question.
  const replyGroup = authorGroupSql(Prisma.sql`ra."assignmentId"`, Prisma.sql`re."authorId"`);
  await tx.$executeRaw`
    update replies re set "groupId" = ${replyGroup}
      from annotations ra
     where ra.id = re."annotationId" and ra."assignmentId" in (${Prisma.join(assignmentIds)}) and re."groupId" is distinct from ${replyGroup}`;
  for (const assignmentId of assignmentIds) {
    await recordChange(tx, { assignmentId, type: "annotation.updated", entityId: "*", actorId, scope: null, ownerId: null, kind: null });
  }
  return moved;
}

/**
 * Waits for annotation writes in flight and holds new ones back until the
 * caller commits (SHARE ROW EXCLUSIVE conflicts with the row locks every
 * insert and update takes, not with reads). A new annotation reads its
 * author's group in its own insert, so without this a create that read the
 * old groups could commit after the re-filing and keep a stale group. Held
 * for the few milliseconds of a teacher's regrouping.
 */
export async function lockForRegrouping(tx: Tx): Promise<void> {
  await tx.$executeRaw`lock table annotations, replies in share row exclusive mode`;
}
