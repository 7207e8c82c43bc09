/**
 * LMS roles → our class roles (LTI Core 1.3, Appendix A.2: context roles).
 *
 * Only context roles count: an institution role ("…/institution/person#Instructor")
 * says what someone is at the school, not in this course, and a teacher at the
 * school who takes a course as a learner must be a student in its class.
 * Instructors and teaching assistants teach; learners are students. Anyone
 * else (mentors, observers, content developers) gets no role, and the launch
 * is refused: granting them a student's place would show them classmates' work.
 */

export type LtiClassRole = "teacher" | "student";

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

/** Full URIs and the short names Core 1.3 still allows for context roles. */
const TEACHING = new Set([
  `${MEMBERSHIP}#Instructor`,
  "Instructor",
  `${MEMBERSHIP}#TeachingAssistant`,
  "TeachingAssistant",
]);
const LEARNING = new Set([`${MEMBERSHIP}#Learner`, "Learner"]);

/** Sub-roles (A.2.3) name their principal role in the path: …/membership/Instructor#TeachingAssistant. */
function principalOf(role: string): string | null {
  const prefix = `${MEMBERSHIP}/`;
  if (!role.startsWith(prefix)) return null;
  const principal = role.slice(prefix.length).split("#")[0];
  return principal ? `${MEMBERSHIP}#${principal}` : null;
}

/**
 * The class role for a launch's (or a roster member's) roles: teacher when any
 * of them teaches, else student when any of them learns, else null. Teaching
 * wins, so an instructor who is also listed as a learner manages the class.
 */
export function classRoleFor(roles: readonly string[]): LtiClassRole | null {
  const principals = roles.flatMap((r) => [r, principalOf(r) ?? r]);
  if (principals.some((r) => TEACHING.has(r))) return "teacher";
  if (principals.some((r) => LEARNING.has(r))) return "student";
  return null;
}

/** A role's last part ("Mentor"), for the sentence that refuses it. */
export function roleName(role: string): string {
  return role.slice(Math.max(role.lastIndexOf("#"), role.lastIndexOf("/")) + 1) || role;
}
