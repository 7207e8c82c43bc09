import "server-only";
import { db } from "@/lib/db";
import type { AnswerKeyDTO } from "@/lib/review/types";
import { requireReviewAssignment, taughtBy } from "@/lib/server/assignments/find-review-assignment";
import { toAnswerKeyEntryDTO } from "./answer-key-dto";

/** The assignment's answer key in text order; teachers of its class only (404 for anyone else). */
export async function listAnswerKey({ viewerId, assignmentId }: { viewerId: string; assignmentId: string }): Promise<AnswerKeyDTO> {
  const assignment = await requireReviewAssignment({ viewerId, assignmentId });
  const rows = await db.answerKeyEntry.findMany({
    where: { assignmentId: assignment.id, assignment: taughtBy(viewerId) },
    orderBy: [{ startCp: "asc" }, { endCp: "asc" }, { createdAt: "asc" }],
  });
  const revisionId = assignment.revision.id;
  return { assignmentId, revisionId, entries: rows.map((row) => toAnswerKeyEntryDTO(row, revisionId)) };
}
