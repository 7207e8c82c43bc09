import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { taughtBy } from "./find-review-assignment";

/**
 * Archives an assignment (or brings it back): hidden from its students'
 * lists and read-only for everyone (lib/server/classes/find-assignment-access.ts
 * refuses every write), with its annotations kept. Teachers of its class only;
 * anyone else gets the 404 of a missing assignment.
 */
export async function archiveAssignment({ viewerId, assignmentId, archived }: { viewerId: string; assignmentId: string; archived: boolean }) {
  const updated = await db.assignment.updateMany({
    where: { id: assignmentId, ...taughtBy(viewerId) },
    data: { archivedAt: archived ? new Date() : null },
  });
  if (updated.count === 0) throw notFound("That assignment");
  return { id: assignmentId, archived };
}

/**
 * Deletes an assignment with everything on it: annotations, flags, replies,
 * votes, answer key and change log go with it (foreign keys cascade in one
 * statement). The essay stays. Teachers of its class only (404 otherwise).
 */
export async function deleteAssignment({ viewerId, assignmentId }: { viewerId: string; assignmentId: string }) {
  const deleted = await db.assignment.deleteMany({ where: { id: assignmentId, ...taughtBy(viewerId) } });
  if (deleted.count === 0) throw notFound("That assignment");
}
