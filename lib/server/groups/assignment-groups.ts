import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { AssignmentGroupsDTO } from "@/lib/groups/types";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";
import type { AssignmentGroupsInput } from "@/lib/validation/groups";
import { assignmentSetKey, classSetKey, loadGroupSet } from "./find-groups";
import { lockForRegrouping, refileAnnotations } from "./refile-annotations";
import { ensureGroupSet } from "./save-groups";

async function taughtAssignment(viewerId: string, assignmentId: string) {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, ...taughtBy(viewerId) },
    select: { id: true, classroomId: true, groupSet: { select: { ownerKey: true } } },
  });
  if (!assignment) throw notFound("That assignment");
  return assignment;
}

/** Which groups the assignment uses and who is in them (teachers of the class only). */
export async function findAssignmentGroups({ viewerId, assignmentId }: { viewerId: string; assignmentId: string }): Promise<AssignmentGroupsDTO> {
  const assignment = await taughtAssignment(viewerId, assignmentId);
  const key = assignment.groupSet?.ownerKey;
  const use = !key ? "none" : key === assignmentSetKey(assignmentId) ? "own" : "class";
  const set = key ? await loadGroupSet(db, { classroomId: assignment.classroomId, ownerKey: key, owner: use === "own" ? "assignment" : "class" }) : null;
  return { assignmentId, use, set };
}

/**
 * Switches an assignment to no groups, the class's groups or its own (made
 * empty the first time: everyone "Not in a group" until split). Its
 * annotations are re-filed at once and its readers reload, so "class" means
 * the new groups from now on, for what was written before too.
 */
export async function setAssignmentGroups({ viewerId, assignmentId, input }: { viewerId: string; assignmentId: string; input: AssignmentGroupsInput }) {
  const assignment = await taughtAssignment(viewerId, assignmentId);
  const moved = await db.$transaction(async (tx) => {
    await lockForRegrouping(tx);
    const setId =
      input.use === "none"
        ? null
        : await ensureGroupSet(tx, {
            classroomId: assignment.classroomId,
            ownerKey: input.use === "class" ? classSetKey(assignment.classroomId) : assignmentSetKey(assignmentId),
            assignmentId: input.use === "class" ? null : assignmentId,
          });
    await tx.assignment.update({ where: { id: assignmentId }, data: { groupSetId: setId } });
    return refileAnnotations(tx, [assignmentId], viewerId);
  });
  return { groups: await findAssignmentGroups({ viewerId, assignmentId }), moved };
}
