import "server-only";
import { db } from "@/lib/db";

/** Assignments of every class the viewer belongs to, soonest due first. */
export async function listAssignments({ viewerId }: { viewerId: string }) {
  const rows = await db.assignment.findMany({
    where: { classroom: { memberships: { some: { userId: viewerId } } } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      dueAt: true,
      classroom: { select: { id: true, name: true, memberships: { where: { userId: viewerId }, select: { role: true } } } },
      essay: { select: { slug: true, title: true } },
    },
  });
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    dueAt: r.dueAt,
    isPastDue: r.dueAt.getTime() < now,
    classId: r.classroom.id,
    className: r.classroom.name,
    role: r.classroom.memberships[0]?.role ?? "student",
    essaySlug: r.essay.slug,
    essayTitle: r.essay.title,
  }));
}

export type AssignmentSummary = Awaited<ReturnType<typeof listAssignments>>[number];
