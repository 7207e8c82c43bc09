import "server-only";
import { db } from "@/lib/db";

/**
 * How far an assignment's change log has come: the id of its newest entry
 * ("0" for none), given the assignment or one of its annotations. Log ids
 * become visible in commit order within an assignment (record-change.ts), so
 * rows read after this position include every change logged up to it: that
 * is what the list's `lastEventId` and an answer's `asOf` promise.
 */
export async function readLogPosition(of: { assignmentId: string } | { annotationId: string }): Promise<string> {
  const [row] =
    "assignmentId" in of
      ? await db.$queryRaw<{ id: string }[]>`
          select coalesce(max(id), 0)::text as id from change_events where "assignmentId" = ${of.assignmentId}`
      : await db.$queryRaw<{ id: string }[]>`
          select coalesce(max(e.id), 0)::text as id from change_events e
           where e."assignmentId" = (select "assignmentId" from annotations where id = ${of.annotationId})`;
  return row?.id ?? "0";
}
