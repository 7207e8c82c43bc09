/** The class routes of the authorization matrix (groups, codes, roster, members, assignments), each with its rule. Pure. */
import { isTeacherOf } from "./authz-model";
import { homeClass, inClass, ownsReading, teachesClass } from "./authz-predicates";
import type { Method, RouteTemplate } from "./authz-route-types";

/** A route on a class that only its teachers may use. */
function classRoute(name: string, method: Method, path: (id: string) => string, extra: Partial<RouteTemplate> = {}): RouteTemplate {
  return { name, method, target: "class", path: (r) => path(r.id), sees: inClass, may: teachesClass, refusal: 404, ok: 200, ...extra };
}

export const CLASS_ROUTES: RouteTemplate[] = [
  // Small groups: the class's teachers only. A successful write splits a fresh copy of the class.
  classRoute("GET /api/classes/:id/groups", "GET", (id) => `/api/classes/${id}/groups`),
  classRoute("PUT /api/classes/:id/groups", "PUT", (id) => `/api/classes/${id}/groups`, {
    body: () => ({ auto: { count: 2 } }),
    invalid: () => ({ auto: { count: 0 } }),
    needsFresh: true,
  }),
  // Highlight codes: every member of the class reads them; only its teachers save them (on a fresh copy of the class).
  classRoute("GET /api/classes/:id/highlight-codes", "GET", (id) => `/api/classes/${id}/highlight-codes`, { may: inClass }),
  classRoute("PUT /api/classes/:id/highlight-codes", "PUT", (id) => `/api/classes/${id}/highlight-codes`, {
    body: () => ({ codes: [{ label: "Claim", colour: "orange", cue: "circle" }] }),
    invalid: () => ({ codes: [{ label: "", colour: "red", cue: "circle" }] }),
    needsFresh: true,
  }),
  // Roster sync from the class's learning platform: its teachers only; neither seeded class comes from a platform (409).
  classRoute("POST /api/classes/:id/roster-sync", "POST", (id) => `/api/classes/${id}/roster-sync`, { ok: 409 }),
  classRoute("page /classes/:id", "GET", (id) => `/classes/${id}`, { isPage: true }),
  classRoute("page /classes/:id/assign", "GET", (id) => `/classes/${id}/assign`, { isPage: true }),
  classRoute("POST /api/classes/:id/join-code", "POST", (id) => `/api/classes/${id}/join-code`),
  classRoute("POST /api/classes/:id/students", "POST", (id) => `/api/classes/${id}/students`, {
    body: (r) => ({ list: `New Student, new-${r.unique()}@authz.school` }),
    invalid: () => ({ list: 5 }),
  }),
  classRoute("POST /api/classes/:id/teachers", "POST", (id) => `/api/classes/${id}/teachers`, {
    body: (r) => ({ email: r.of("spare.free.email") }),
    invalid: () => ({ email: "not-an-email" }),
  }),
  // Only a student leaves; a teacher of the class gets the 404 of a class they are not a student of. On a fresh copy of the class.
  classRoute("POST /api/classes/:id/leave", "POST", (id) => `/api/classes/${id}/leave`, {
    may: (who, key) => inClass(who, key) && !teachesClass(who, key),
    needsFresh: true,
  }),
  classRoute("POST /api/classes/:id/assignments", "POST", (id) => `/api/classes/${id}/assignments`, {
    ok: 201,
    body: (r) => ({ essayId: r.of("essay.library"), dueAt: "2030-01-01T17:00:00.000Z" }),
    invalid: () => ({ essayId: "" }),
  }),
  {
    name: "DELETE /api/classes/:id/members/<its spare student>",
    method: "DELETE",
    target: "classMember",
    path: (r) => `/api/classes/${r.id}/members/${r.of(r.key === "class.B" ? "spare.B.remove" : "spare.A.remove")}`,
    sees: inClass,
    may: teachesClass,
    refusal: 404,
    ok: 200,
  },
  {
    name: "DELETE /api/classes/<A>/members/:userId",
    method: "DELETE",
    target: "memberUser",
    path: (r) => `/api/classes/${r.of("class.A")}/members/${r.id}`,
    // Only a student of class A can be removed from it, and only its teachers can do it.
    sees: (who, key) => isTeacherOf(who, "A") && key === "spare.A.byUser",
    ok: 200,
  },
  {
    // The reading's id travels in the body: another teacher's unshared reading must look like no reading at all.
    name: "POST /api/classes/<own>/assignments {essayId: :id}",
    method: "POST",
    target: "essayRef",
    path: (r, who) => `/api/classes/${r.of(`class.${homeClass(who)}`)}/assignments`,
    sees: (who, key) => isTeacherOf(who, homeClass(who)) && (key === "essay.library" || ownsReading(who, key)),
    // Its own class's teacher is told the reading is not one they can use; anyone else that the class is not theirs.
    unseen: (who) => (isTeacherOf(who, homeClass(who)) ? 422 : 404),
    ok: 201,
    body: (r) => ({ essayId: r.id, dueAt: "2030-01-01T17:00:00.000Z" }),
  },
];
