import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { visibleAnnotationById } from "@/lib/server/annotations/visibility";

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
      revisionId: true,
      startCp: true,
      endCp: true,
      version: true,
      flag: true,
      assignment: { select: { classroom: { select: { memberships: { where: { userId: viewerId }, select: { role: true } } } } } },
    },
  });
  if (!row?.flag) throw notFound("That flag");
  const role = row.assignment.classroom.memberships[0]?.role ?? "student";
  return { ...row, flag: row.flag, role };
}

export type VisibleFlag = Awaited<ReturnType<typeof findVisibleFlag>>;
