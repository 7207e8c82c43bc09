import "server-only";
import { completionStatus } from "@/lib/annotations/completion";
import { db } from "@/lib/db";
import { countStudentWork } from "@/lib/server/grades/count-student-work";
import { announceUnread } from "./unread-signal";

/** How far ahead a due date makes a notice: "due tomorrow". */
export const DUE_SOON_MS = 24 * 3_600_000;

/**
 * Tells each student of an assignment due within the next 24 hours who has
 * not finished it (completionStatus, as the students table and the
 * gradebook count) that it is due soon. One notice per assignment, student
 * and due date (its dedupe key): running again changes nothing, and a due
 * date moved later tells them again when the new one comes near. Archived
 * assignments say nothing. Returns how many notices were made.
 */
export async function notifyDueSoon({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const assignments = await db.assignment.findMany({
    where: { archivedAt: null, dueAt: { gt: now, lte: new Date(now.getTime() + DUE_SOON_MS) } },
    select: {
      id: true,
      dueAt: true,
      minHighlights: true,
      minComments: true,
      minFlags: true,
      classroom: { select: { memberships: { where: { role: "student" }, select: { userId: true } } } },
    },
  });
  let made = 0;
  for (const a of assignments) {
    const studentIds = a.classroom.memberships.map((m) => m.userId);
    if (studentIds.length === 0) continue;
    const counts = await countStudentWork({ assignmentId: a.id, studentIds });
    const minimums = { highlights: a.minHighlights, comments: a.minComments, flags: a.minFlags };
    const unfinished = studentIds.filter((id) => completionStatus(counts.get(id)!, minimums, a.dueAt, now) !== "complete");
    const due = a.dueAt.toISOString();
    const { count } = await db.notification.createMany({
      data: unfinished.map((userId) => ({ userId, kind: "due_soon" as const, assignmentId: a.id, dedupeKey: `due:${a.id}:${userId}:${due}` })),
      skipDuplicates: true,
    });
    made += count;
    if (count > 0) await announceUnread(unfinished);
  }
  return made;
}
