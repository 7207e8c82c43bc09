import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether classmates' flags are visible to a student yet, per the
 * assignment's setting: always; once the viewer has posted a flag of their
 * own (so students find errors before copying others); or after the due date.
 * Teachers of the class always see them.
 */
function peerFlagsVisibleWhere(viewerId: string, now: Date): Prisma.AssignmentWhereInput {
  return {
    OR: [
      { peerFlagVisibility: "always" },
      { peerFlagVisibility: "after_due", dueAt: { lte: now } },
      {
        peerFlagVisibility: "after_own_flag",
        annotations: { some: { authorId: viewerId, kind: "flag", deletedAt: null } },
      },
      { classroom: { memberships: { some: { userId: viewerId, role: "teacher" } } } },
    ],
  };
}

/**
 * The rows a viewer may see, as a `where` clause, so authorization happens in
 * the query rather than after loading. Members only; then: your own items;
 * class-scope items that no teacher hid; and, for the class's teachers,
 * class and teacher-only items (hidden ones included). Private items of
 * others are never visible, not even to teachers. Classmates' flags follow
 * the assignment's peer-visibility setting. A deleted item stays only while
 * it has live replies.
 */
export function visibleAnnotationWhere(viewerId: string, now = new Date()): Prisma.AnnotationWhereInput {
  const memberOf = (role?: "teacher") => ({
    assignment: { classroom: { memberships: { some: { userId: viewerId, ...(role ? { role } : {}) } } } },
  });
  return {
    AND: [
      memberOf(),
      {
        OR: [
          { authorId: viewerId },
          { scope: "class", hiddenAt: null },
          { scope: { in: ["class", "teachers"] }, ...memberOf("teacher") },
        ],
      },
      { OR: [{ kind: { not: "flag" } }, { authorId: viewerId }, { assignment: peerFlagsVisibleWhere(viewerId, now) }] },
      { OR: [{ deletedAt: null }, { replies: { some: { deletedAt: null } } }] },
    ],
  };
}

/** Same rule for a single annotation id: the only way routes look one up. */
export function visibleAnnotationById(viewerId: string, id: string): Prisma.AnnotationWhereInput {
  return { AND: [{ id }, visibleAnnotationWhere(viewerId)] };
}

/** True when the viewer may see classmates' flags on this assignment right now. */
export function peerFlagsVisibleTo(
  access: { role: "teacher" | "student"; assignment: { peerFlagVisibility: string; dueAt: Date } },
  hasOwnFlag: boolean,
  now = new Date(),
): boolean {
  if (access.role === "teacher") return true;
  const setting = access.assignment.peerFlagVisibility;
  return setting === "always" || (setting === "after_due" && access.assignment.dueAt <= now) || (setting === "after_own_flag" && hasOwnFlag);
}
