import "server-only";
import { completionStatus } from "@/lib/annotations/completion";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { studentReaderHref } from "@/lib/review/reader-href";
import type { StudentRowDTO, StudentTableDTO } from "@/lib/review/student-table";
import { findKeyReport } from "@/lib/server/answer-key/find-key-report";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";
import { countedWorkWhere } from "@/lib/server/grades/count-student-work";
import { toIsoString } from "@/lib/format/dates";
import { loadClassCodes } from "@/lib/server/highlight-codes/find-highlight-codes";

/**
 * One row per student of the class (the roster, so a student who has done
 * nothing still has a row): highlights, comments, replies, flags, verified
 * flags, answer-key found / partial / missed, completion, first and last
 * activity, and marks per highlight code. Teachers of the class only; anyone else gets not_found.
 *
 * What counts is what the teacher may see: deleted annotations and replies
 * are left out, and so are students' private ("only me") annotations and the
 * replies under them, since a teacher never sees those (so completion here
 * can lag the student's own view when they work privately). Hidden ones
 * count: the student did the work even if a teacher hid it.
 */
export async function findStudentTable({
  viewerId,
  assignmentId,
  now = new Date(),
}: {
  viewerId: string;
  assignmentId: string;
  now?: Date;
}): Promise<StudentTableDTO> {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, ...taughtBy(viewerId) },
    select: { id: true, classroomId: true, dueAt: true, minHighlights: true, minComments: true, minFlags: true, essay: { select: { slug: true } }, classroom: { select: { name: true } } },
  });
  if (!assignment) throw notFound("That assignment");

  const members = await db.membership.findMany({
    where: { classroomId: assignment.classroomId, role: "student" },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
  const studentIds = members.map((m) => m.user.id);
  const counted = countedWorkWhere({ assignmentId, studentIds });

  const [byKind, verified, replies, votes, report, codes, byCode] = await Promise.all([
    db.annotation.groupBy({
      by: ["authorId", "kind"],
      where: counted,
      _count: { _all: true },
      _min: { createdAt: true },
      _max: { createdAt: true },
    }),
    db.annotation.groupBy({
      by: ["authorId"],
      where: {
        ...counted,
        kind: "flag",
        // A duplicate merged into a verified flag found the same verified error.
        flag: { OR: [{ status: "verified" }, { status: "merged", mergedInto: { status: "verified" } }] },
      },
      _count: { _all: true },
    }),
    db.reply.groupBy({
      by: ["authorId"],
      where: { authorId: { in: studentIds }, deletedAt: null, annotation: { assignmentId, scope: { not: "private" } } },
      _count: { _all: true },
      _min: { createdAt: true },
      _max: { createdAt: true },
    }),
    // Votes are work too (weighing a classmate's flag), so they count as activity, not as a column.
    db.flagVote.groupBy({
      by: ["voterId"],
      where: { voterId: { in: studentIds }, flag: { annotation: { assignmentId, deletedAt: null } } },
      _min: { createdAt: true },
      _max: { updatedAt: true },
    }),
    findKeyReport({ viewerId, assignmentId }),
    loadClassCodes(assignment.classroomId),
    db.annotation.groupBy({ by: ["authorId", "codeId"], where: { ...counted, codeId: { not: null } }, _count: { _all: true } }),
  ]);

  const minimums = { highlights: assignment.minHighlights, comments: assignment.minComments, flags: assignment.minFlags };
  const kindCount = (id: string, kind: string) => byKind.find((g) => g.authorId === id && g.kind === kind)?._count._all ?? 0;
  const essay = { id: assignment.id, essaySlug: assignment.essay.slug };

  const rows = members.map(({ user }): StudentRowDTO => {
    const counts = { highlights: kindCount(user.id, "highlight"), comments: kindCount(user.id, "comment"), flags: kindCount(user.id, "flag") };
    const reply = replies.find((g) => g.authorId === user.id);
    const vote = votes.find((g) => g.voterId === user.id);
    const own = byKind.filter((g) => g.authorId === user.id);
    const firsts = [...own.map((g) => g._min.createdAt), reply?._min.createdAt, vote?._min.createdAt];
    const lasts = [...own.map((g) => g._max.createdAt), reply?._max.createdAt, vote?._max.updatedAt];
    const score = report.students.find((s) => s.student.id === user.id);
    return {
      student: user,
      ...counts,
      replies: reply?._count._all ?? 0,
      verifiedFlags: verified.find((g) => g.authorId === user.id)?._count._all ?? 0,
      keyFound: score?.found ?? 0,
      keyPartial: score?.partial ?? 0,
      keyMissed: score?.missed ?? 0,
      completion: completionStatus(counts, minimums, assignment.dueAt, now),
      firstActivityAt: extreme(firsts, "first"),
      lastActivityAt: extreme(lasts, "last"),
      href: studentReaderHref(essay, user.id),
      codeCounts: Object.fromEntries(byCode.filter((g) => g.authorId === user.id && g.codeId).map((g) => [g.codeId!, g._count._all])),
    };
  });
  return { assignmentId, className: assignment.classroom.name, essaySlug: assignment.essay.slug, minimums, dueAt: toIsoString(assignment.dueAt), codes: codes.map(({ id, label }) => ({ id, label })), rows };
}

function extreme(dates: readonly (Date | null | undefined)[], which: "first" | "last"): string | null {
  const times = dates.flatMap((d) => (d ? [d.getTime()] : []));
  if (times.length === 0) return null;
  return new Date(which === "first" ? Math.min(...times) : Math.max(...times)).toISOString();
}
