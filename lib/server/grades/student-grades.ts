import "server-only";
import { completionScore, completionStatus } from "@/lib/annotations/completion";
import { db } from "@/lib/db";
import { countStudentWork } from "./count-student-work";

export interface StudentGrade {
  studentId: string;
  /** Percent of the minimums met (lib/annotations/completion.ts). */
  completionScore: number;
  isComplete: boolean;
  /** The grade a teacher set by hand, if any. */
  teacherGrade: number | null;
  /** What the gradebook gets: the teacher's grade when there is one, else the completion score. */
  grade: number;
}

/**
 * The grades of an assignment's students, from their counted work
 * (count-student-work.ts) and the assignment's minimums, or the teacher's
 * grade where one was set. No viewer: callers check who may see them (the
 * teacher's grade book does, in its query; the grade passback is the system).
 */
export async function computeStudentGrades({ assignmentId, studentIds, now = new Date() }: { assignmentId: string; studentIds: string[]; now?: Date }) {
  const [assignment, counts, set] = await Promise.all([
    db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { minHighlights: true, minComments: true, minFlags: true, dueAt: true } }),
    countStudentWork({ assignmentId, studentIds }),
    db.grade.findMany({ where: { assignmentId, studentId: { in: studentIds } }, select: { studentId: true, score: true } }),
  ]);
  const minimums = { highlights: assignment.minHighlights, comments: assignment.minComments, flags: assignment.minFlags };
  return new Map(
    studentIds.map((studentId): [string, StudentGrade] => {
      const work = counts.get(studentId)!;
      const score = completionScore(work, minimums);
      const teacherGrade = set.find((g) => g.studentId === studentId)?.score ?? null;
      return [
        studentId,
        { studentId, completionScore: score, isComplete: completionStatus(work, minimums, assignment.dueAt, now) === "complete", teacherGrade, grade: teacherGrade ?? score },
      ];
    }),
  );
}
