import "server-only";
import { db } from "@/lib/db";
import { taughtClass } from "./class-writes";

/** Every class the viewer belongs to, with their role, newest first. */
export async function listMyClasses({ viewerId }: { viewerId: string }) {
  const rows = await db.membership.findMany({
    where: { userId: viewerId },
    orderBy: { joinedAt: "desc" },
    select: {
      role: true,
      classroom: { select: { id: true, name: true, _count: { select: { memberships: { where: { role: "student" } } } } } },
    },
  });
  return rows.map((r) => ({ id: r.classroom.id, name: r.classroom.name, role: r.role, students: r.classroom._count.memberships }));
}

/** A class the viewer teaches, with roster, code and assignments; null for everyone else (404). */
export async function findTaughtClass({ viewerId, classroomId }: { viewerId: string; classroomId: string }) {
  return db.classroom.findFirst({
    where: taughtClass(viewerId, classroomId),
    select: {
      id: true,
      name: true,
      joinCode: true,
      memberships: {
        orderBy: [{ role: "asc" }, { joinedAt: "asc" }],
        select: { role: true, joinedAt: true, user: { select: { id: true, name: true, email: true, mustChangePassword: true } } },
      },
      assignments: {
        orderBy: { dueAt: "asc" },
        select: { id: true, dueAt: true, archivedAt: true, essay: { select: { slug: true, title: true } } },
      },
      ltiContext: { select: { rosterSyncedAt: true } },
      invitations: {
        where: { status: "pending", expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, role: true, expiresAt: true },
      },
    },
  });
}

export type TaughtClass = NonNullable<Awaited<ReturnType<typeof findTaughtClass>>>;
