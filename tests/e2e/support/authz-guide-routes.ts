/**
 * Guiding questions and copying an assignment, in the authorization matrix:
 * only the class's teachers pin a guide (a student who sees the assignment is
 * refused with 403) or copy the assignment (everyone else gets the 404 of a
 * missing id, also a teacher copying into a class they do not teach). Pure.
 */
import { ASSIGNMENTS, assignment, isMemberOf, isTeacherOf, type Actor, type AssignmentKey, type ClassKey } from "./authz-model";
import { doc, type RouteTemplate } from "./authz-route-types";

const inAssignment = (who: Actor, key: string) => isMemberOf(who, assignment(key as AssignmentKey).classKey);
const teachesAssignment = (who: Actor, key: string) => isTeacherOf(who, assignment(key as AssignmentKey).classKey);
/** The assignment's own class (class A for a guessed id). */
const classOf = (key: string): ClassKey => ASSIGNMENTS.find((a) => a.key === key)?.classKey ?? "A";

export const GUIDE_ROUTES: readonly RouteTemplate[] = [
  {
    name: "POST /api/assignments/:id/annotations {guide: question}",
    method: "POST",
    target: "assignment",
    path: (r) => `/api/assignments/${r.id}/annotations`,
    sees: inAssignment,
    may: teachesAssignment,
    refusal: 403,
    ok: 201,
    body: (r) => ({ id: r.uuid(), kind: "comment", scope: "teachers", guide: "question", body: doc("What does this show?"), ...r.span() }),
    invalid: (r) => ({ id: r.uuid(), kind: "comment", guide: "riddle", body: doc("x"), ...r.span() }),
  },
  {
    name: "POST /api/assignments/:id/copy {classroomId: its own class}",
    method: "POST",
    target: "assignment",
    path: (r) => `/api/assignments/${r.id}/copy`,
    sees: inAssignment,
    may: teachesAssignment,
    refusal: 404,
    ok: 201,
    body: (r) => ({ classroomId: r.of(`class.${classOf(r.key)}`) }),
    invalid: () => ({ classroomId: "" }),
  },
  {
    // Nobody in the matrix teaches both classes: a teacher of A copying into B is refused like a missing id.
    name: "POST /api/assignments/:id/copy {classroomId: the other class}",
    method: "POST",
    target: "assignment",
    path: (r) => `/api/assignments/${r.id}/copy`,
    sees: inAssignment,
    may: (who, key) => teachesAssignment(who, key) && isTeacherOf(who, classOf(key) === "A" ? "B" : "A"),
    refusal: 404,
    ok: 201,
    body: (r) => ({ classroomId: r.of(`class.${classOf(r.key) === "A" ? "B" : "A"}`) }),
  },
];
