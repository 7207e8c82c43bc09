import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HintListDTO } from "@/lib/review/types";
import { hintsForRevision } from "./revision-hints";

/**
 * Who may see an assignment's hints, as a `where`: its class's teachers
 * always; its students only when the teacher's setting allows it now
 * (always, or after the due date; never means never).
 */
function hintsVisibleWhere(viewerId: string, now: Date): Prisma.AssignmentWhereInput {
  return {
    classroom: { memberships: { some: { userId: viewerId } } },
    OR: [
      { classroom: { memberships: { some: { userId: viewerId, role: "teacher" } } } },
      { hintVisibility: "always" },
      { hintVisibility: "after_due", dueAt: { lte: now } },
    ],
  };
}

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
