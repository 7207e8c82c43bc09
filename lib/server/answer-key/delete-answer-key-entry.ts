import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";
import { recordAnswerKeyChange } from "./record-answer-key-change";

/**
 * Removes an entry from an answer key, with an audit entry and a live event
 * for the class's teachers, in one transaction. Only a teacher of the entry's
 * class may (the query's `where`); for anyone else the entry does not
 * exist (404).
 */
export async function deleteAnswerKeyEntry({ viewerId, entryId }: { viewerId: string; entryId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const where = { id: entryId, assignment: taughtBy(viewerId) };
    const entry = await tx.answerKeyEntry.findFirst({ where, select: { assignmentId: true } });
    // Counted, not assumed: a co-teacher's delete may have landed in between.
    if (!entry || (await tx.answerKeyEntry.deleteMany({ where })).count === 0) throw notFound("That answer-key entry");
    await tx.auditEvent.create({
      data: { actorId: viewerId, entityType: "answer_key_entry", entityId: entryId, action: "deleted" },
    });
    await recordAnswerKeyChange(tx, { assignmentId: entry.assignmentId, entryId, actorId: viewerId });
  });
}
