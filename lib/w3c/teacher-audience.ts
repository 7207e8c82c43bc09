/**
 * "For teachers only", said the W3C way (model 3.3.3, Intended Audience,
 * whose own example is a schema.org EducationalAudience of teachers). The
 * export marks teacher-only and teacher-hidden annotations with it so that an
 * import into another class keeps them away from students; other W3C clients
 * that ignore `audience` lose nothing else. The anno.jsonld context defines
 * both `audience` and the `schema:` prefix.
 */

/** The audience object added to teacher-only annotations. */
export interface W3CTeacherAudience {
  type: "schema:EducationalAudience";
  "schema:educationalRole": "teacher";
}

/** The value exported as `audience` on a teacher-only annotation. */
export const TEACHER_AUDIENCE: W3CTeacherAudience = {
  type: "schema:EducationalAudience",
  "schema:educationalRole": "teacher",
};

/** An audience of students: what a teacher's guiding question or instruction is written for. */
export interface W3CStudentAudience {
  type: "schema:EducationalAudience";
  "schema:educationalRole": "student";
}

/**
 * The audience exported on a guide: students (the class it is pinned for),
 * and teachers as well when only they see the answers, so an import that
 * reads the teacher role keeps the answers to teachers as it keeps any
 * teacher-only thread.
 */
export const STUDENT_AUDIENCE: W3CStudentAudience = { type: "schema:EducationalAudience", "schema:educationalRole": "student" };

/** An exported `audience`: one of the two, or both. */
export type W3CAudience = W3CTeacherAudience | W3CStudentAudience | (W3CTeacherAudience | W3CStudentAudience)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function includesValue(value: unknown, wanted: string): boolean {
  return Array.isArray(value) ? value.includes(wanted) : value === wanted;
}

/**
 * True when a raw imported annotation names teachers as (one of) its
 * audience(s). Reads the compact form we emit and the full schema.org IRI.
 */
export function isForTeachers(annotation: unknown): boolean {
  return hasAudienceRole(annotation, "teacher");
}

/** True when a raw imported annotation names students as (one of) its audience(s): a guide, with a guide's motivation. */
export function isForStudents(annotation: unknown): boolean {
  return hasAudienceRole(annotation, "student");
}

function hasAudienceRole(annotation: unknown, role: "teacher" | "student"): boolean {
  if (!isObject(annotation)) return false;
  const audiences = Array.isArray(annotation.audience) ? annotation.audience : [annotation.audience];
  return audiences.some(
    (a) =>
      isObject(a) &&
      (includesValue(a["schema:educationalRole"], role) || includesValue(a["http://schema.org/educationalRole"], role)),
  );
}
