import "server-only";
import type { ClassRole } from "@/lib/annotations/types";
import { db } from "@/lib/db";

/**
 * The assignment as the viewer may use it: null unless the viewer belongs to
 * its class. Carries the viewer's role and the essay's current revision, which
 * every annotation write is checked against.
 */
export async function findAssignmentAccess({ viewerId, assignmentId }: { viewerId: string; assignmentId: string }) {
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, classroom: { memberships: { some: { userId: viewerId } } } },
    select: {
      id: true,
      classroomId: true,
      essayId: true,
      dueAt: true,
      anonymousPeers: true,
      peerFlagVisibility: true,
      hintVisibility: true,
      classroom: { select: { memberships: { where: { userId: viewerId }, select: { role: true } } } },
      essay: {
        select: { slug: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } },
      },
    },
  });
  const revision = row?.essay.revisions[0];
  if (!row || !revision) return null;
  return {
    assignment: {
      id: row.id,
      classroomId: row.classroomId,
      essayId: row.essayId,
      essaySlug: row.essay.slug,
      dueAt: row.dueAt,
      anonymousPeers: row.anonymousPeers,
      peerFlagVisibility: row.peerFlagVisibility,
      hintVisibility: row.hintVisibility,
    },
    role: (row.classroom.memberships[0]?.role ?? "student") as ClassRole,
    revision,
  };
}

export type AssignmentAccess = NonNullable<Awaited<ReturnType<typeof findAssignmentAccess>>>;
