import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { setTeacherGrade } from "@/lib/server/grades/grade-book";
import { teacherGradeSchema } from "@/lib/validation/grades";

export const dynamic = "force-dynamic";

/** A teacher sets (or clears, with null) a student's grade in percent. */
export const PUT = apiRoute<{ id: string; studentId: string }>(async ({ viewer, params, json }) => {
  const { score } = parseInput(teacherGradeSchema, json);
  return setTeacherGrade({ viewerId: viewer.id, assignmentId: params.id, studentId: params.studentId, score });
});
