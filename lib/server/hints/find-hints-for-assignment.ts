import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { HintListDTO } from "@/lib/review/types";
import { hintsVisibleWhere } from "./hint-visibility";
import { hintsForRevision, hintsJsonForRevision, type HintsOptions } from "./revision-hints";

/**
 * The assignment's current revision and title, if the viewer may see its
 * hints. A viewer who may not gets the same not-found as a stranger: a
 * student must not learn that hints exist before the teacher releases them.
 */
async function findHintsRevision({ viewerId, assignmentId, now }: { viewerId: string; assignmentId: string; now: Date }) {
  const row = await db.assignment.findFirst({
    where: { AND: [{ id: assignmentId }, hintsVisibleWhere(viewerId, now)] },
    select: { essay: { select: { title: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } } },
  });
  const revision = row?.essay.revisions[0];
  if (!row || !revision) throw notFound("That assignment");
  return { revisionId: revision.id, title: row.essay.title };
}

/** Who asks for which assignment's hints; `now` is for tests of the due-date rule. */
interface FindHintsInput extends HintsOptions {
  viewerId: string;
  assignmentId: string;
  now?: Date;
}

/** The automatic hints on the assignment's current revision, each with the selectors a key entry or flag would store. */
export async function findHintsForAssignment({ viewerId, assignmentId, now = new Date(), budgetMs }: FindHintsInput): Promise<HintListDTO> {
  const { revisionId, title } = await findHintsRevision({ viewerId, assignmentId, now });
  return { assignmentId, revisionId, hints: [...(await hintsForRevision(revisionId, title, { budgetMs }))] };
}

/** The same HintListDTO as JSON text, built around the cached hints' JSON without parsing it (see hintsJsonForRevision). */
export async function findHintsJsonForAssignment({ viewerId, assignmentId, now = new Date() }: FindHintsInput): Promise<string> {
  const { revisionId, title } = await findHintsRevision({ viewerId, assignmentId, now });
  const hints = await hintsJsonForRevision(revisionId, title);
  return `{"assignmentId":${JSON.stringify(assignmentId)},"revisionId":${JSON.stringify(revisionId)},"hints":${hints}}`;
}
