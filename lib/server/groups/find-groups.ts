import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { GroupSetDTO } from "@/lib/groups/types";
import { notFound } from "@/lib/errors";

/** The owner key of a set: one class set per class, one own set per assignment. */
export const classSetKey = (classroomId: string) => `class:${classroomId}`;
export const assignmentSetKey = (assignmentId: string) => `assignment:${assignmentId}`;

/** A set as the teacher's editor shows it, with the class's students; an absent set is an empty one. */
export async function loadGroupSet(
  client: Tx | typeof db,
  { classroomId, ownerKey, owner }: { classroomId: string; ownerKey: string; owner: GroupSetDTO["owner"] },
): Promise<GroupSetDTO> {
  const [set, students] = await Promise.all([
    client.groupSet.findUnique({
      where: { ownerKey },
      select: {
        id: true,
        groups: { orderBy: { position: "asc" }, select: { id: true, name: true, isUnplaced: true, members: { select: { userId: true } } } },
      },
    }),
    client.membership.findMany({
      where: { classroomId, role: "student" },
      select: { user: { select: { id: true, name: true } } },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    }),
  ]);
  const placed = new Set(set?.groups.flatMap((g) => g.members.map((m) => m.userId)) ?? []);
  const unplaced = set?.groups.find((g) => g.isUnplaced);
  return {
    id: set?.id ?? null,
    owner,
    groups: (set?.groups ?? []).filter((g) => !g.isUnplaced).map((g) => ({ id: g.id, name: g.name, memberIds: g.members.map((m) => m.userId) })),
    unplaced: { id: unplaced?.id ?? null, memberIds: students.map((s) => s.user.id).filter((id) => !placed.has(id)) },
    students: students.map((s) => s.user),
  };
}

/** A class's own groups (teachers of the class only; the same 404 as a missing class otherwise). */
export async function findClassGroups({ viewerId, classroomId }: { viewerId: string; classroomId: string }): Promise<GroupSetDTO> {
  const classroom = await db.classroom.findFirst({
    where: { id: classroomId, memberships: { some: { userId: viewerId, role: "teacher" } } },
    select: { id: true },
  });
  if (!classroom) throw notFound("That class");
  return loadGroupSet(db, { classroomId, ownerKey: classSetKey(classroomId), owner: "class" });
}
