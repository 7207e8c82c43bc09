import "server-only";
import { completionStatus, type CompletionStatus } from "@/lib/annotations/completion";
import { db } from "@/lib/db";

/**
 * Assignments of every class the viewer belongs to, soonest due first, with
 * the viewer's progress. Archived ones are listed only to the class's teachers.
 */
export async function listAssignments({ viewerId }: { viewerId: string }) {
  const rows = await db.assignment.findMany({
    where: {
      OR: [
        { archivedAt: null, classroom: { memberships: { some: { userId: viewerId } } } },
        { classroom: { memberships: { some: { userId: viewerId, role: "teacher" } } } },
      ],
    },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      dueAt: true,
      archivedAt: true,
      minHighlights: true,
      minComments: true,
      minFlags: true,
      classroom: { select: { id: true, name: true, memberships: { where: { userId: viewerId }, select: { role: true } } } },
      essay: { select: { slug: true, title: true } },
    },
  });
  const counts = await db.annotation.groupBy({
    by: ["assignmentId", "kind"],
    where: { authorId: viewerId, deletedAt: null, assignmentId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  const countOf = (assignmentId: string, kind: string) =>
    counts.find((c) => c.assignmentId === assignmentId && c.kind === kind)?._count._all ?? 0;
  const now = new Date();
  return rows.map((r) => {
    const mine = { highlights: countOf(r.id, "highlight"), comments: countOf(r.id, "comment"), flags: countOf(r.id, "flag") };
    const role = r.classroom.memberships[0]?.role ?? "student";
    return {
      id: r.id,
      dueAt: r.dueAt,
      isPastDue: r.dueAt.getTime() < now.getTime(),
      isArchived: r.archivedAt !== null,
      classId: r.classroom.id,
      className: r.classroom.name,
      role,
      essaySlug: r.essay.slug,
      essayTitle: r.essay.title,
      counts: mine,
      minimums: { highlights: r.minHighlights, comments: r.minComments, flags: r.minFlags },
      status: (role === "student"
        ? completionStatus(mine, { highlights: r.minHighlights, comments: r.minComments, flags: r.minFlags }, r.dueAt, now)
        : null) as CompletionStatus | null,
    };
  });
}

export type AssignmentSummary = Awaited<ReturnType<typeof listAssignments>>[number];
