import "server-only";
import { db } from "@/lib/db";

/** Shown for anyone without a label (say, a reviewer's audit entry by a removed account). */
export const UNLABELLED_CLASSMATE = "Classmate";

/**
 * Everyone who annotated or replied in the assignment, by their first
 * contribution: the order of the labels below. One indexed aggregate, run
 * only for students of anonymous assignments.
 */
export async function loadContributors(assignmentId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ authorId: string }[]>`
    select "authorId" from (
      select "authorId", "createdAt" from annotations where "assignmentId" = ${assignmentId}
      union all
      select r."authorId", r."createdAt"
        from replies r join annotations a on a.id = r."annotationId"
       where a."assignmentId" = ${assignmentId}
    ) contributions
    group by "authorId"
    order by min("createdAt"), "authorId"`;
  return rows.map((r) => r.authorId);
}

/**
 * The labels students of an anonymous assignment see for each other:
 * "Classmate N", numbered by each person's first annotation or reply in THIS
 * assignment. Numbering by the class roster instead would give a student the
 * same number in every assignment of the class (and shift everyone's when a
 * student leaves); by contribution, a label says nothing outside its
 * assignment, and it stays with the words of a student who is removed from
 * the class. Teachers keep their names.
 */
export function anonymousLabelsFor(contributors: string[], teacherIds: ReadonlySet<string>): Map<string, string> {
  const students = contributors.filter((id) => !teacherIds.has(id));
  return new Map(students.map((id, i) => [id, `Classmate ${i + 1}`]));
}
