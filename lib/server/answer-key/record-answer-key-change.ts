import "server-only";
import type { Tx } from "@/lib/db";
import { recordChange } from "@/lib/server/live/record-change";

/**
 * Tells the class's open review dashboards that the answer key changed, so
 * co-teachers' key, "who found what" and students table follow without a
 * reload. Logged with the teacher-only audience: hearingOf lets only the
 * class's teachers hear it, never a student (the key is theirs alone).
 */
export function recordAnswerKeyChange(tx: Tx, change: { assignmentId: string; entryId: string; actorId: string }) {
  return recordChange(tx, {
    assignmentId: change.assignmentId,
    type: "answer-key.updated",
    entityId: change.entryId,
    actorId: change.actorId,
    scope: "teachers",
    ownerId: change.actorId,
    kind: null,
  });
}
