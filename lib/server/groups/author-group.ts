import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The group an author's annotations belong to in an assignment, as a scalar
 * subquery: null when the assignment uses no groups or the author teaches the
 * class (a teacher's note is for everyone); otherwise the author's group in
 * the assignment's set, or the set's "Not in a group" when they have none.
 * Written once, for a new annotation (in its insert, so it reads the groups
 * as they stand when the row is written) and for re-filing an assignment's
 * annotations when its groups change (refileAnnotations).
 */
export function authorGroupSql(assignmentId: Prisma.Sql, authorId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(select case
        when exists (select 1 from memberships m where m."classroomId" = ga."classroomId" and m."userId" = ${authorId} and m.role = 'teacher') then null
        else coalesce(
          (select gm."groupId" from group_members gm where gm."setId" = ga."groupSetId" and gm."userId" = ${authorId}),
          (select g.id from student_groups g where g."setId" = ga."groupSetId" and g."isUnplaced" limit 1))
        end
      from assignments ga where ga.id = ${assignmentId} and ga."groupSetId" is not null)`;
}

/** authorGroupSql for one author's new annotation. */
export function newAnnotationGroup(assignmentId: string, authorId: string): Prisma.Sql {
  return authorGroupSql(Prisma.sql`${assignmentId}`, Prisma.sql`${authorId}`);
}
