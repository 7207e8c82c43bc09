import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Assignments whose class the viewer teaches, as a `where`: the one teacher check every review query shares. */
export function taughtBy(viewerId: string): Prisma.AssignmentWhereInput {
  return { classroom: { memberships: { some: { userId: viewerId, role: "teacher" } } } };
}

/**
 * The assignment as its class's teacher reviews it, or null for anyone else:
 * students, teachers of other classes and strangers get the same null, so a
 * route answers 404 and nobody learns the assignment exists. The teacher
 * check is part of the query, not a test after loading.
 */
export async function findReviewAssignment({ viewerId, assignmentId }: { viewerId: string; assignmentId: string }) {
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, ...taughtBy(viewerId) },
    select: {
      id: true,
      classroomId: true,
      dueAt: true,
      peerFlagVisibility: true,
      hintVisibility: true,
      classroom: { select: { name: true } },
      essay: {
        select: {
          slug: true,
          title: true,
          altText: true,
          revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } },
        },
      },
    },
  });
  const revision = row?.essay.revisions[0];
  if (!row || !revision) return null;
  return {
    id: row.id,
    classroomId: row.classroomId,
    className: row.classroom.name,
    dueAt: row.dueAt,
    peerFlagVisibility: row.peerFlagVisibility,
    hintVisibility: row.hintVisibility,
    essay: { slug: row.essay.slug, title: row.essay.title, altText: row.essay.altText },
    revision,
  };
}

export type ReviewAssignment = NonNullable<Awaited<ReturnType<typeof findReviewAssignment>>>;

/** {@link findReviewAssignment}, throwing the not-found AppError for non-teachers. */
export async function requireReviewAssignment(options: { viewerId: string; assignmentId: string }): Promise<ReviewAssignment> {
  const found = await findReviewAssignment(options);
  if (!found) throw notFound("That assignment");
  return found;
}

