import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { AssignmentSettingsDTO } from "@/lib/review/types";
import { recordChange } from "@/lib/server/live/record-change";
import type { UpdateAssignmentSettingsInput } from "@/lib/validation/assignment-settings";
import { taughtBy } from "./find-review-assignment";

/**
 * Changes when students see classmates' flags and automatic hints (teachers
 * of the class only; 404 for anyone else). The change and its audit entry
 * (entity "assignment", from/to as JSON of the changed fields) are written in
 * one transaction; a request that changes nothing writes nothing. When peer
 * flags change, every open reader of the assignment is told to reload, since
 * what a student may see has changed.
 */
export async function updateAssignmentSettings({
  viewerId,
  assignmentId,
  input,
}: {
  viewerId: string;
  assignmentId: string;
  input: UpdateAssignmentSettingsInput;
}): Promise<AssignmentSettingsDTO> {
  return db.$transaction(async (tx) => {
    const current = await tx.assignment.findFirst({
      where: { id: assignmentId, ...taughtBy(viewerId) },
      select: { peerFlagVisibility: true, hintVisibility: true },
    });
    if (!current) throw notFound("That assignment");

    const changed = (Object.keys(input) as (keyof AssignmentSettingsDTO)[]).filter(
      (field) => input[field] !== undefined && input[field] !== current[field],
    );
    if (changed.length === 0) return current;

    const next = { ...current, ...Object.fromEntries(changed.map((field) => [field, input[field]])) } as AssignmentSettingsDTO;
    await tx.assignment.update({ where: { id: assignmentId }, data: next });
    const pick = (from: AssignmentSettingsDTO) => JSON.stringify(Object.fromEntries(changed.map((f) => [f, from[f]])));
    await tx.auditEvent.create({
      data: {
        actorId: viewerId,
        entityType: "assignment",
        entityId: assignmentId,
        action: "settings.updated",
        fromState: pick(current),
        toState: pick(next),
      },
    });
    if (changed.includes("peerFlagVisibility")) {
      // entityId "*" is the log's "reload everything" (as after a new revision); null scope reaches the whole class.
      await recordChange(tx, {
        assignmentId,
        type: "annotation.updated",
        entityId: "*",
        actorId: viewerId,
        scope: null,
        ownerId: null,
        kind: null,
      });
    }
    return next;
  });
}
