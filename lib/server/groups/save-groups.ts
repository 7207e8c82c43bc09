import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { defaultGroupName, splitIntoGroups } from "@/lib/groups/split-groups";
import type { GroupSetDTO } from "@/lib/groups/types";
import type { SaveGroupsInput } from "@/lib/validation/groups";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";
import { taughtClass } from "@/lib/server/classes/class-writes";
import { assignmentSetKey, classSetKey, loadGroupSet } from "./find-groups";
import { lockForRegrouping, refileAnnotations } from "./refile-annotations";

/** The "Not in a group" group's name; it holds every student without a group in its set. */
export const UNPLACED_NAME = "Not in a group";

/** Creates the set (with its "Not in a group") if it is not there yet; returns its id. */
export async function ensureGroupSet(tx: Tx, { classroomId, ownerKey, assignmentId }: { classroomId: string; ownerKey: string; assignmentId: string | null }) {
  const set = await tx.groupSet.upsert({
    where: { ownerKey },
    create: { classroomId, ownerKey, assignmentId, groups: { create: { name: UNPLACED_NAME, position: -1, isUnplaced: true } } },
    update: {},
    select: { id: true },
  });
  return set.id;
}

/**
 * Writes a set's groups: names by position (a group keeps its id, and its
 * annotations, when renamed), then who is in each; groups past the new
 * count go once nothing is filed under them. Every assignment using the set
 * has its annotations re-filed (refileAnnotations) in the same transaction.
 */
async function writeGroups(
  tx: Tx,
  options: { classroomId: string; ownerKey: string; assignmentId: string | null; groups: { name: string; memberIds: string[] }[]; actorId: string },
): Promise<number> {
  await lockForRegrouping(tx);
  const setId = await ensureGroupSet(tx, options);
  const existing = await tx.studentGroup.findMany({ where: { setId, isUnplaced: false }, orderBy: { position: "asc" }, select: { id: true } });
  const ids: string[] = [];
  for (const [position, group] of options.groups.entries()) {
    const id = existing[position]?.id;
    if (id) await tx.studentGroup.update({ where: { id }, data: { name: group.name, position } });
    ids.push(id ?? (await tx.studentGroup.create({ data: { setId, name: group.name, position }, select: { id: true } })).id);
  }
  await tx.groupMember.deleteMany({ where: { setId } });
  await tx.groupMember.createMany({
    data: options.groups.flatMap((g, i) => g.memberIds.map((userId) => ({ setId, groupId: ids[i], userId }))),
  });
  const users = await tx.assignment.findMany({ where: { groupSetId: setId }, select: { id: true } });
  const moved = await refileAnnotations(tx, users.map((a) => a.id), options.actorId);
  await tx.studentGroup.deleteMany({ where: { setId, isUnplaced: false, id: { notIn: ids } } });
  return moved;
}

/** Checks every named member is a student of the class, once. */
async function checkMembers(classroomId: string, groups: { memberIds: string[] }[]) {
  const all = groups.flatMap((g) => g.memberIds);
  if (new Set(all).size !== all.length) throw new AppError("invalid", "A student can be in only one group.");
  const students = await db.membership.count({ where: { classroomId, role: "student", userId: { in: all } } });
  if (students !== all.length) throw new AppError("invalid", "Only the class's students can be put in its groups. Reload the page and try again.");
}

/** The groups a request asks for: as given, or an automatic split of the class's students. */
async function groupsFor(classroomId: string, input: SaveGroupsInput) {
  if ("groups" in input) {
    await checkMembers(classroomId, input.groups);
    return input.groups;
  }
  const students = await db.membership.findMany({ where: { classroomId, role: "student" }, select: { userId: true } });
  return splitIntoGroups(students.map((s) => s.userId), input.auto).map((memberIds, i) => ({ name: defaultGroupName(i), memberIds }));
}

/** A class's groups, by hand or split automatically (teachers of the class only; 404 otherwise). */
export async function saveClassGroups({ viewerId, classroomId, input }: { viewerId: string; classroomId: string; input: SaveGroupsInput }) {
  const classroom = await db.classroom.findFirst({ where: taughtClass(viewerId, classroomId), select: { id: true } });
  if (!classroom) throw notFound("That class");
  const groups = await groupsFor(classroomId, input);
  const ownerKey = classSetKey(classroomId);
  const moved = await db.$transaction((tx) => writeGroups(tx, { classroomId, ownerKey, assignmentId: null, groups, actorId: viewerId }));
  return { set: await loadGroupSet(db, { classroomId, ownerKey, owner: "class" }), moved };
}

/** An assignment's own groups; the assignment then uses them. */
export async function saveAssignmentGroups({ viewerId, assignmentId, input }: { viewerId: string; assignmentId: string; input: SaveGroupsInput }) {
  const assignment = await db.assignment.findFirst({ where: { id: assignmentId, ...taughtBy(viewerId) }, select: { id: true, classroomId: true } });
  if (!assignment) throw notFound("That assignment");
  const groups = await groupsFor(assignment.classroomId, input);
  const ownerKey = assignmentSetKey(assignmentId);
  const moved = await db.$transaction(async (tx) => {
    await lockForRegrouping(tx);
    const setId = await ensureGroupSet(tx, { classroomId: assignment.classroomId, ownerKey, assignmentId });
    await tx.assignment.update({ where: { id: assignmentId }, data: { groupSetId: setId } });
    return writeGroups(tx, { classroomId: assignment.classroomId, ownerKey, assignmentId, groups, actorId: viewerId });
  });
  return { set: await loadGroupSet(db, { classroomId: assignment.classroomId, ownerKey, owner: "assignment" }), moved };
}

export type SavedGroups = { set: GroupSetDTO; moved: number };
