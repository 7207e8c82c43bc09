import "server-only";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { visibleAnnotationById } from "@/lib/server/annotations/visibility";
import { requireOpenAssignment } from "@/lib/server/classes/find-assignment-access";
import { audienceScope } from "@/lib/server/live/hearing";
import { recordChange, rootGroup } from "@/lib/server/live/record-change";

/**
 * A flag the viewer may see, with the viewer's role in its class. Invisible
 * and missing flags are the same 404, so ids cannot be probed.
 */
export async function findVisibleFlag(viewerId: string, annotationId: string) {
  const row = await db.annotation.findFirst({
    where: { AND: [visibleAnnotationById(viewerId, annotationId), { kind: "flag", deletedAt: null }] },
    select: {
      id: true,
      assignmentId: true,
      authorId: true,
      scope: true,
      hiddenAt: true,
      revisionId: true,
      startCp: true,
      endCp: true,
      region: true,
      version: true,
      importedAt: true,
      flag: true,
      assignment: { select: { archivedAt: true, classroom: { select: { memberships: { where: { userId: viewerId }, select: { role: true } } } } } },
    },
  });
  if (!row?.flag) throw notFound("That flag");
  const role = row.assignment.classroom.memberships[0]?.role ?? "student";
  // Every flag write (vote, review, edit, merge) starts here: an archived assignment is read-only.
  requireOpenAssignment({ assignment: { isArchived: row.assignment.archivedAt !== null } });
  return { ...row, flag: row.flag, role };
}

export type VisibleFlag = Awaited<ReturnType<typeof findVisibleFlag>>;

/** Tells live readers a flag changed (vote, review, edit, merge), inside the caller's transaction. */
export function recordFlagChange(tx: Tx, flag: Pick<VisibleFlag, "id" | "assignmentId" | "scope" | "hiddenAt" | "authorId">, actorId: string) {
  return recordChange(tx, {
    assignmentId: flag.assignmentId,
    type: "flag.updated",
    entityId: flag.id,
    actorId,
    scope: audienceScope(flag),
    ownerId: flag.authorId,
    kind: "flag",
    groupId: rootGroup(flag.id),
  });
}
