import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";

/**
 * Removes an entry from an answer key, with an audit entry, in one
 * transaction. Only a teacher of the entry's class may; for anyone else the
 * entry does not exist (404).
 */
export async function deleteAnswerKeyEntry({ viewerId, entryId }: { viewerId: string; entryId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.answerKeyEntry.deleteMany({
      where: { id: entryId, assignment: taughtBy(viewerId) },
    });
    if (count === 0) throw notFound("That answer-key entry");
    await tx.auditEvent.create({
      data: { actorId: viewerId, entityType: "answer_key_entry", entityId: entryId, action: "deleted" },
    });
  });
}
