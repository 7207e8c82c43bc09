import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { groupIdsOf } from "@/lib/groups/viewer-groups";
import type { Scope } from "@/lib/annotations/types";
import { isVisibleBy, visibleAnnotationById } from "@/lib/server/annotations/visibility";
import { findAssignmentAccess } from "@/lib/server/classes/find-assignment-access";
import { newAnnotationGroup } from "@/lib/server/groups/author-group";

/** Someone the viewer may @mention here. */
export interface MentionableDTO {
  id: string;
  name: string;
  isTeacher: boolean;
}

/**
 * Who the editor suggests for an @mention: the members of the class who
 * would see the text, by the one visibility rule (isVisibleBy) evaluated for
 * each of them on the thread (a reply: `annotationId`) or on a new
 * annotation of the viewer's with `scope`. A private note suggests nobody;
 * a group assignment's class note, the group and the teachers. A student of
 * an anonymous assignment is offered the teachers only. 404 for non-members.
 */
export async function findMentionable({
  viewerId,
  assignmentId,
  scope,
  annotationId,
}: {
  viewerId: string;
  assignmentId: string;
  scope: Scope;
  annotationId?: string;
}): Promise<MentionableDTO[]> {
  const access = await findAssignmentAccess({ viewerId, assignmentId });
  if (!access) throw notFound("That assignment");
  const [assignment, thread, ownGroup] = await Promise.all([
    db.assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: {
        classroom: { select: { memberships: { select: { userId: true, role: true, user: { select: { name: true } } } } } },
        groupSet: { select: { groups: { where: { isUnplaced: true }, select: { id: true } }, members: { select: { userId: true, groupId: true } } } },
      },
    }),
    annotationId
      ? db.annotation.findFirst({
          where: { AND: [visibleAnnotationById(viewerId, annotationId), { assignmentId }] },
          select: { authorId: true, scope: true, kind: true, hiddenAt: true, groupId: true, guide: true },
        })
      : null,
    db.$queryRaw<{ groupId: string | null }[]>`select ${newAnnotationGroup(assignmentId, viewerId)} as "groupId"`,
  ]);
  if (annotationId && !thread) throw notFound("That annotation");
  const groupId = ownGroup[0]?.groupId ?? null;
  // An answer to a guide is read by the rule as the viewer's own item in the guide's scope (REPLY_VISIBILITY_RULE).
  const root =
    thread && !thread.guide
      ? thread
      : { authorId: viewerId, scope: thread?.scope ?? scope, kind: "comment" as const, hiddenAt: thread?.hiddenAt ?? null, groupId };
  const sets = assignment.groupSet ? [assignment.groupSet] : [];
  const onlyTeachers = access.assignment.anonymousPeers && access.role === "student";
  return assignment.classroom.memberships
    .filter((m) => m.userId !== viewerId && (!onlyTeachers || m.role === "teacher"))
    .filter((m) =>
      isVisibleBy({
        member: true,
        teacher: m.role === "teacher",
        own: m.userId === root.authorId,
        classScope: root.scope === "class",
        teachersScope: root.scope === "teachers",
        hidden: root.hiddenAt !== null,
        flag: root.kind === "flag",
        // Whether classmates see flags yet is the notification's business; a suggestion may be offered early.
        peerFlagsVisible: true,
        deleted: false,
        liveReplies: false,
        guide: false,
        groupmate: root.groupId === null || groupIdsOf(sets, m.userId).has(root.groupId),
      }),
    )
    .map((m) => ({ id: m.userId, name: m.user.name, isTeacher: m.role === "teacher" }))
    .sort((a, b) => Number(b.isTeacher) - Number(a.isTeacher) || a.name.localeCompare(b.name));
}
