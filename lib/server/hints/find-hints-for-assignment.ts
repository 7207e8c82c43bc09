import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { HintListDTO } from "@/lib/review/types";
import { hintsVisibleWhere } from "./hint-visibility";
import { hintsForRevision } from "./revision-hints";

/**
 * The automatic hints on the assignment's current revision, each with the
 * selectors a key entry or flag would store. A viewer who may not see hints
 * gets the same not-found as a stranger: a student must not learn that hints
 * exist before the teacher releases them.
 */
export async function findHintsForAssignment({
  viewerId,
  assignmentId,
  now = new Date(),
}: {
  viewerId: string;
  assignmentId: string;
  /** For tests of the due-date rule. */
  now?: Date;
}): Promise<HintListDTO> {
  const row = await db.assignment.findFirst({
    where: { AND: [{ id: assignmentId }, hintsVisibleWhere(viewerId, now)] },
    select: { essay: { select: { title: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } } },
  });
  const revision = row?.essay.revisions[0];
  if (!row || !revision) throw notFound("That assignment");
  return { assignmentId, revisionId: revision.id, hints: [...(await hintsForRevision(revision.id, row.essay.title))] };
}
