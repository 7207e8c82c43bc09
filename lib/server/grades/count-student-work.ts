import "server-only";
import { db } from "@/lib/db";
import type { Counts } from "@/lib/annotations/completion";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The annotations that count as a student's work on an assignment: what a
 * teacher may see of it. Deleted ones and private ("only me") ones are left
 * out, since the teacher never sees those; hidden ones count (the student
 * did the work even if a teacher hid it). The student table and the grades
 * sent to a learning platform both count with this, so the two never differ.
 */
export function countedWorkWhere({ assignmentId, studentIds }: { assignmentId: string; studentIds: string[] }) {
  return {
    assignmentId,
    authorId: { in: studentIds },
    deletedAt: null,
    scope: { not: "private" },
  } satisfies Prisma.AnnotationWhereInput;
}

/** Highlights, comments and flags per student, counted as countedWorkWhere says (zeros for no work). */
export async function countStudentWork({ assignmentId, studentIds }: { assignmentId: string; studentIds: string[] }): Promise<Map<string, Counts>> {
  const groups = await db.annotation.groupBy({ by: ["authorId", "kind"], where: countedWorkWhere({ assignmentId, studentIds }), _count: { _all: true } });
  const counts = new Map<string, Counts>(studentIds.map((id) => [id, { highlights: 0, comments: 0, flags: 0 }]));
  for (const g of groups) {
    const row = counts.get(g.authorId);
    if (!row) continue;
    if (g.kind === "highlight") row.highlights = g._count._all;
    else if (g.kind === "comment") row.comments = g._count._all;
    else row.flags = g._count._all;
  }
  return counts;
}
