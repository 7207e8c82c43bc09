import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The rows a viewer may see, as a `where` clause, so authorization happens in
 * the query rather than after loading. Members only; then: your own items;
 * class-scope items that no teacher hid; and, for the class's teachers,
 * class and teacher-only items (hidden ones included). Private items of
 * others are never visible, not even to teachers. A deleted item stays only
 * while it has live replies.
 */
export function visibleAnnotationWhere(viewerId: string): Prisma.AnnotationWhereInput {
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
      { OR: [{ deletedAt: null }, { replies: { some: { deletedAt: null } } }] },
    ],
  };
}

/** Same rule for a single annotation id: the only way routes look one up. */
export function visibleAnnotationById(viewerId: string, id: string): Prisma.AnnotationWhereInput {
  return { AND: [{ id }, visibleAnnotationWhere(viewerId)] };
}
