/**
 * Every read and write route of the authorization matrix, each with its rule:
 * who sees its target, who among them may act, and what each gets. Pure.
 */
import { ITEM_ROUTES, REPLY_ROUTES } from "./authz-annotation-routes";
import { CLASS_ROUTES } from "./authz-class-routes";
import { inAssignment, ownsReading, signedIn, teachesAssignment } from "./authz-predicates";
import { GUIDE_ROUTES } from "./authz-guide-routes";
import { NOTIFICATION_ROUTES } from "./authz-notification-routes";
import {
  ASSIGNMENTS,
  assignment,
  invitationFact,
  isTeacherAnywhere,
  isTeacherOf,
  READINGS,
  type AssignmentKey,
} from "./authz-model";
import { doc, readingInput, type RouteTemplate } from "./authz-route-types";
import { SOURCE_ROUTES } from "./authz-source-routes";

/** A route on an assignment that only its class's teachers may use (404 for everyone else, members included). */
function teacherRoute(name: string, path: (id: string) => string, extra: Partial<RouteTemplate> = {}): RouteTemplate {
  return { name, method: "GET", target: "assignment", path: (r) => path(r.id), sees: inAssignment, may: teachesAssignment, refusal: 404, ok: 200, ...extra };
}

const SLUG = "destalinization-origins";

/** A platform registration as an administrator would send it (refused before anything is stored for everyone here). */
const ltiPlatformInput = () => ({
  name: "Matrix LMS",
  issuer: "https://lms.matrix.example",
  clientId: "matrix-client",
  deploymentIds: ["1"],
  authLoginUrl: "https://lms.matrix.example/auth",
  authTokenUrl: "https://lms.matrix.example/token",
  jwksUrl: "https://lms.matrix.example/jwks",
});

const assignmentRoutes: RouteTemplate[] = [
  { name: "GET /api/assignments/:id/annotations", method: "GET", target: "assignment", path: (r) => `/api/assignments/${r.id}/annotations`, sees: inAssignment, ok: 200, scanQuotes: true, listsItems: true },
  {
    name: "POST /api/assignments/:id/annotations",
    method: "POST",
    target: "assignment",
    path: (r) => `/api/assignments/${r.id}/annotations`,
    sees: inAssignment,
    ok: 201,
    body: (r) => ({ id: r.uuid(), kind: "highlight", scope: "private", ...r.span() }),
    invalid: () => ({ id: "x", kind: "highlight" }),
  },
  {
    name: "POST /api/assignments/:id/flags",
    method: "POST",
    target: "assignment",
    path: (r) => `/api/assignments/${r.id}/flags`,
    sees: inAssignment,
    ok: 201,
    body: (r) => ({ id: r.uuid(), scope: "private", ...r.span(), category: "date_number", correction: "x", rationale: doc("Because.") }),
    invalid: (r) => ({ id: r.uuid(), category: "nope" }),
  },
  {
    name: "GET /api/assignments/:id/events?since=0",
    method: "GET",
    target: "assignment",
    path: (r) => `/api/assignments/${r.id}/events?since=0`,
    sees: inAssignment,
    ok: 200,
    scanQuotes: true,
    listsItems: true,
    isStream: true,
  },
  teacherRoute("GET /api/assignments/:id/hints", (id) => `/api/assignments/${id}/hints`, {
    may: (who, key) => teachesAssignment(who, key) || assignment(key as AssignmentKey).hintVisibility === "always",
  }),
  teacherRoute("GET /api/assignments/:id/answer-key", (id) => `/api/assignments/${id}/answer-key`, { scanQuotes: true }),
  {
    ...teacherRoute("POST /api/assignments/:id/answer-key", (id) => `/api/assignments/${id}/answer-key`),
    method: "POST",
    ok: 201,
    body: (r) => ({ source: "passage", words: r.span().quote.exact, category: "date_number", correction: "x" }),
    invalid: () => ({ source: "guess" }),
  },
  // Who may be @mentioned: members of the class only, the same 404 as a missing assignment for anyone else.
  { name: "GET /api/assignments/:id/mentionable", method: "GET", target: "assignment", path: (r) => `/api/assignments/${r.id}/mentionable?scope=class`, sees: inAssignment, ok: 200 },
  teacherRoute("GET /api/assignments/:id/groups", (id) => `/api/assignments/${id}/groups`),
  // A successful write regroups a fresh copy of the assignment, so A3's groups stay as the model has them.
  teacherRoute("PUT /api/assignments/:id/groups", (id) => `/api/assignments/${id}/groups`, {
    method: "PUT",
    body: () => ({ groups: [{ name: "Everyone", memberIds: [] }] }),
    invalid: () => ({ groups: [] }),
    needsFresh: true,
  }),
  teacherRoute("PATCH /api/assignments/:id/groups", (id) => `/api/assignments/${id}/groups`, {
    method: "PATCH",
    body: () => ({ use: "class" }),
    invalid: () => ({ use: "everyone" }),
    needsFresh: true,
  }),
  teacherRoute("GET /api/assignments/:id/key-report", (id) => `/api/assignments/${id}/key-report`, { scanQuotes: true }),
  teacherRoute("GET /api/assignments/:id/students", (id) => `/api/assignments/${id}/students`, { scanQuotes: true }),
  teacherRoute("GET /api/assignments/:id/students.csv", (id) => `/api/assignments/${id}/students.csv`, { scanQuotes: true }),
  teacherRoute("GET /api/assignments/:id/annotations.jsonld", (id) => `/api/assignments/${id}/annotations.jsonld`, { scanQuotes: true }),
  teacherRoute("GET /api/assignments/:id/annotations.jsonld?download=1", (id) => `/api/assignments/${id}/annotations.jsonld?download=1`, {
    scanQuotes: true,
    listsItems: true,
  }),
  {
    ...teacherRoute("POST /api/assignments/:id/import", (id) => `/api/assignments/${id}/import`),
    method: "POST",
    body: () => [],
    invalid: () => 42,
    // The file is read only once the importer is known to teach the class.
    validatesFirst: false,
  },
  {
    ...teacherRoute("PATCH /api/assignments/:id/settings", (id) => `/api/assignments/${id}/settings`),
    method: "PATCH",
    // The setting it already has: a success that changes nothing.
    body: (r) => ({ hintVisibility: ASSIGNMENTS.find((a) => a.key === r.key)?.hintVisibility ?? "never" }),
    invalid: () => ({}),
  },
  {
    name: `GET /essays/${SLUG}/errata/markdown?assignment=:id`,
    method: "GET",
    target: "assignment",
    path: (r) => `/essays/${SLUG}/errata/markdown?assignment=${r.id}`,
    sees: inAssignment,
    ok: 200,
  },
  {
    ...teacherRoute("PATCH /api/assignments/:id {archived: false}", (id) => `/api/assignments/${id}`),
    method: "PATCH",
    // Not archived, and stays so: a success that changes nothing.
    body: () => ({ archived: false }),
    invalid: () => ({ archived: "yes" }),
  },
  // Deleting uses its target up: each success gets a fresh copy of the assignment.
  { ...teacherRoute("DELETE /api/assignments/:id", (id) => `/api/assignments/${id}`), method: "DELETE", needsFresh: true },
  { ...teacherRoute("page /assignments/:id/review", (id) => `/assignments/${id}/review`), isPage: true },
  // Grades for a learning platform's gradebook: the class's teachers only. No seeded assignment is linked from a
  // platform's course, so releasing answers 409 (nowhere to send them) to a teacher, 404 to everyone else.
  teacherRoute("GET /api/assignments/:id/grades", (id) => `/api/assignments/${id}/grades`),
  { ...teacherRoute("POST /api/assignments/:id/grades/release", (id) => `/api/assignments/${id}/grades/release`), method: "POST", ok: 409 },
  {
    ...teacherRoute("PUT /api/assignments/:id/grades/<a student of its class>", (id) => id),
    path: (r) => `/api/assignments/${r.id}/grades/${r.of(r.key === "B1" ? "user.outsider" : "user.author")}`,
    method: "PUT",
    body: () => ({ score: 80 }),
    invalid: () => ({ score: 101 }),
  },
  { name: `page /essays/${SLUG}/errata?assignment=:id`, method: "GET", target: "assignment", path: (r) => `/essays/${SLUG}/errata?assignment=${r.id}`, isPage: true, sees: inAssignment, ok: 200 },
  {
    // The essay is in the school's library, so the page opens for anyone signed in, without the class's annotations.
    name: `page /essays/${SLUG}?assignment=:id`,
    method: "GET",
    target: "assignment",
    path: (r) => `/essays/${SLUG}?assignment=${r.id}`,
    isPage: true,
    sees: inAssignment,
    unseen: () => 200,
    ok: 200,
    listsItems: true,
  },
];

const otherRoutes: RouteTemplate[] = [
  { name: "DELETE /api/answer-key/:id", method: "DELETE", target: "entry", path: (r) => `/api/answer-key/${r.id}`, sees: (who, key) => teachesAssignment(who, key.split(".")[0]), ok: 200, needsFresh: true },
  {
    name: "PATCH /api/readings/:id",
    method: "PATCH",
    target: "reading",
    path: (r) => `/api/readings/${r.id}`,
    sees: ownsReading,
    ok: 200,
    body: (r) => readingInput(READINGS.some((rd) => rd.key === r.key) ? r.of(`${r.key}.title`) : "A guess"),
    invalid: () => ({ title: "" }),
  },
  {
    name: "page /readings/:id/edit",
    method: "GET",
    target: "reading",
    path: (r) => `/readings/${r.id}/edit`,
    isPage: true,
    sees: ownsReading,
    ok: 200,
  },
  {
    name: "page /essays/:slug (a teacher's unshared reading)",
    method: "GET",
    target: "readingSlug",
    path: (r) => `/essays/${r.id}`,
    isPage: true,
    sees: ownsReading,
    ok: 200,
  },
  {
    // A student account (a plain sign-up) may not start a class: 403 with the sentence, after the body is checked.
    name: "POST /api/classes",
    method: "POST",
    target: "none",
    path: () => "/api/classes",
    sees: signedIn,
    may: isTeacherAnywhere,
    refusal: 403,
    ok: 201,
    body: (r) => ({ name: `Class ${r.unique()}` }),
    invalid: () => ({ name: "" }),
  },
  {
    // None of the matrix's actors administers the instance.
    name: "POST /api/admin/teachers",
    method: "POST",
    target: "none",
    path: () => "/api/admin/teachers",
    sees: signedIn,
    may: () => false,
    refusal: 403,
    ok: 200,
    body: (r) => ({ email: `teacher-${r.unique()}@authz.school` }),
    invalid: () => ({ email: "not-an-email" }),
  },
  {
    // Only its addressee sees an invitation; declining uses it up, so each success answers a fresh one.
    name: "POST /api/invitations/:id {answer: decline}",
    method: "POST",
    target: "invitation",
    path: (r) => `/api/invitations/${r.id}`,
    sees: (who, key) => invitationFact(key).to === who.key,
    ok: 200,
    needsFresh: true,
    body: () => ({ answer: "decline" }),
    invalid: () => ({ answer: "maybe" }),
  },
  {
    name: "DELETE /api/invitations/:id",
    method: "DELETE",
    target: "invitation",
    path: (r) => `/api/invitations/${r.id}`,
    sees: (who, key) => isTeacherOf(who, invitationFact(key).classKey),
    ok: 200,
    needsFresh: true,
  },
  {
    name: "POST /api/readings",
    method: "POST",
    target: "none",
    path: () => "/api/readings",
    sees: signedIn,
    may: isTeacherAnywhere,
    refusal: 403,
    ok: 201,
    body: (r) => readingInput(`Reading ${r.unique()}`),
    invalid: () => ({ title: "" }),
  },
  {
    name: "POST /api/classes/join",
    method: "POST",
    target: "none",
    path: () => "/api/classes/join",
    sees: signedIn,
    ok: 200,
    body: (r) => ({ code: r.of("joinCode.C") }),
    // Well-formed but nobody's code.
    invalid: () => ({ code: "ZZZZ9999" }),
  },
  // Learning platforms: administrators only, and none of the matrix's actors administers the instance.
  ...(["GET", "POST"] as const).map(
    (method): RouteTemplate => ({
      name: `${method} /api/lti/platforms`,
      method,
      target: "none",
      path: () => "/api/lti/platforms",
      sees: signedIn,
      may: () => false,
      refusal: 403,
      ok: method === "POST" ? 201 : 200,
      ...(method === "POST" ? { body: () => ltiPlatformInput(), invalid: () => ({ issuer: "not a url" }) } : {}),
    }),
  ),
  ...(["PUT", "DELETE"] as const).map(
    (method): RouteTemplate => ({
      name: `${method} /api/lti/platforms/<any id>`,
      method,
      target: "none",
      path: (r) => `/api/lti/platforms/${r.uuid()}`,
      sees: signedIn,
      may: () => false,
      refusal: 403,
      ok: 200,
      ...(method === "PUT" ? { body: () => ltiPlatformInput(), invalid: () => ({ issuer: "not a url" }) } : {}),
    }),
  ),
  ...(["GET", "POST"] as const).map(
    (method): RouteTemplate => ({ name: `${method} /api/lti/keys`, method, target: "none", path: () => "/api/lti/keys", sees: signedIn, may: () => false, refusal: 403, ok: 200 }),
  ),
  { name: "POST /api/lti/registration-links", method: "POST", target: "none", path: () => "/api/lti/registration-links", sees: signedIn, may: () => false, refusal: 403, ok: 201 },
  // A launch belongs to whoever launched; nobody in the matrix did, so any id is the 404 of a missing one.
  { name: "page /lti/deep-link?launch=<any id>", method: "GET", target: "none", path: (r) => `/lti/deep-link?launch=${r.uuid()}`, isPage: true, sees: signedIn, may: () => false, refusal: 404, ok: 200 },
  {
    name: "POST /api/lti/launches/<any id>/link",
    method: "POST",
    target: "none",
    path: (r) => `/api/lti/launches/${r.uuid()}/link`,
    sees: signedIn,
    may: () => false,
    refusal: 404,
    ok: 200,
    body: (r) => ({ assignmentId: r.of("A1") }),
    invalid: () => ({ assignmentId: "" }),
  },
  { name: "page /readings/new", method: "GET", target: "none", path: () => "/readings/new", isPage: true, sees: signedIn, ok: 200 },
  { name: "page /assignments", method: "GET", target: "none", path: () => "/assignments", isPage: true, sees: signedIn, ok: 200 },
  { name: "page /classes", method: "GET", target: "none", path: () => "/classes", isPage: true, sees: signedIn, ok: 200 },
];

export const ROUTES: readonly RouteTemplate[] = [...ITEM_ROUTES, ...REPLY_ROUTES, ...assignmentRoutes, ...GUIDE_ROUTES, ...CLASS_ROUTES, ...otherRoutes, ...NOTIFICATION_ROUTES, ...SOURCE_ROUTES];
