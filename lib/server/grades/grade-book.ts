import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";
import { queueScoreSyncs } from "@/lib/server/lti/score-sync";
import { computeStudentGrades } from "./student-grades";

export type GradeBook = Awaited<ReturnType<typeof findGradeBook>>;

export interface GradeBookRow {
  student: { id: string; name: string };
  completionScore: number;
  teacherGrade: number | null;
  grade: number;
  /** Where this student's grade stands with the platform: null when nothing was queued yet. */
  sync: { state: "pending" | "sent" | "failed"; lastSentScore: number | null; lastSentAt: string | null; lastError: string | null } | null;
}

/**
 * An assignment's grades as its teachers see them (404 for anyone else):
 * each student's completion score, the grade a teacher set, what goes to
 * the learning platform, and how sending it went. `isLinked` says whether
 * any platform course link opens the assignment; without one there is
 * nowhere to send grades.
 */
export async function findGradeBook({ viewerId, assignmentId }: { viewerId: string; assignmentId: string }) {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, ...taughtBy(viewerId) },
    select: { id: true, classroomId: true, gradesReleasedAt: true, _count: { select: { ltiLinks: true } } },
  });
  if (!assignment) throw notFound("That assignment");
  const isLinked = assignment._count.ltiLinks > 0;
  // Nowhere to send grades: the review page shows no grade book, so nothing is computed.
  if (!isLinked) return { assignmentId, isLinked, releasedAt: null, rows: [] };
  const members = await db.membership.findMany({
    where: { classroomId: assignment.classroomId, role: "student" },
    select: { user: { select: { id: true, name: true } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
  const ids = members.map((m) => m.user.id);
  const [grades, syncs] = await Promise.all([
    computeStudentGrades({ assignmentId, studentIds: ids }),
    db.ltiScoreSync.findMany({
      where: { userId: { in: ids }, resourceLink: { assignmentId } },
      select: { userId: true, state: true, lastSentScore: true, lastSentAt: true, lastError: true },
      orderBy: { updatedAt: "desc" },
    }),
  ]);
  const rows = members.map(({ user }): GradeBookRow => {
    const grade = grades.get(user.id)!;
    const sync = syncs.find((s) => s.userId === user.id);
    return {
      student: user,
      completionScore: grade.completionScore,
      teacherGrade: grade.teacherGrade,
      grade: grade.grade,
      sync: sync ? { state: sync.state, lastSentScore: sync.lastSentScore, lastSentAt: sync.lastSentAt?.toISOString() ?? null, lastError: sync.lastError } : null,
    };
  });
  return { assignmentId, isLinked, releasedAt: assignment.gradesReleasedAt?.toISOString() ?? null, rows };
}

/**
 * A teacher of the class sets (or, with null, clears) a student's grade in
 * percent. It replaces the completion score once grades are released; if
 * they already are, it is queued for the platform at once.
 */
export async function setTeacherGrade({ viewerId, assignmentId, studentId, score }: { viewerId: string; assignmentId: string; studentId: string; score: number | null }) {
  const assignment = await db.assignment.findFirst({ where: { id: assignmentId, ...taughtBy(viewerId) }, select: { id: true, classroomId: true, gradesReleasedAt: true } });
  if (!assignment) throw notFound("That assignment");
  const student = await db.membership.findFirst({ where: { classroomId: assignment.classroomId, userId: studentId, role: "student" }, select: { userId: true } });
  if (!student) throw notFound("That student");
  if (score === null) {
    await db.grade.deleteMany({ where: { assignmentId, studentId } });
  } else {
    await db.grade.upsert({
      where: { assignmentId_studentId: { assignmentId, studentId } },
      create: { assignmentId, studentId, score, setById: viewerId },
      update: { score, setById: viewerId },
    });
  }
  if (assignment.gradesReleasedAt) await queueScoreSyncs({ assignmentId, userIds: [studentId] });
  return { studentId, teacherGrade: score };
}

/**
 * A teacher releases the assignment's grades: from now on every student's
 * grade goes to the platform, not only completed ones, and all of them are
 * queued now. Releasing again re-sends everything (how a teacher retries
 * grades that failed).
 */
export async function releaseGrades({ viewerId, assignmentId }: { viewerId: string; assignmentId: string }) {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, ...taughtBy(viewerId) },
    select: { id: true, gradesReleasedAt: true, _count: { select: { ltiLinks: true } } },
  });
  if (!assignment) throw notFound("That assignment");
  if (assignment._count.ltiLinks === 0) throw new AppError("conflict", "No course on a learning platform links to this assignment, so there is no gradebook to send grades to.");
  const releasedAt = assignment.gradesReleasedAt ?? new Date();
  if (!assignment.gradesReleasedAt) await db.assignment.update({ where: { id: assignmentId }, data: { gradesReleasedAt: releasedAt } });
  const queued = await queueScoreSyncs({ assignmentId });
  return { releasedAt: releasedAt.toISOString(), queued };
}
