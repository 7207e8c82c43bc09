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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function includesValue(value: unknown, wanted: string): boolean {
  return Array.isArray(value) ? value.includes(wanted) : value === wanted;
}

/**
 * True when a raw imported annotation names teachers as (one of) its
 * audience(s). Reads the compact form we emit and the full schema.org IRI.
 */
export function isForTeachers(annotation: unknown): boolean {
  if (!isObject(annotation)) return false;
  const audiences = Array.isArray(annotation.audience) ? annotation.audience : [annotation.audience];
  return audiences.some(
    (a) =>
      isObject(a) &&
      (includesValue(a["schema:educationalRole"], "teacher") ||
        includesValue(a["http://schema.org/educationalRole"], "teacher")),
  );
}
