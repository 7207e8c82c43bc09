/**
 * The annotation, flag and reply routes of the authorization matrix, each
 * with its rule. Pure.
 */
import { assignment, canSeeItem, isTeacherOf, itemFact, replyFact, type Actor } from "./authz-model";
import { doc, type RouteTemplate } from "./authz-route-types";

const classOfItem = (key: string) => assignment(itemFact(key).assignment).classKey;
const seesItem = (who: Actor, key: string) => canSeeItem(who, itemFact(key));
const seesFlag = (who: Actor, key: string) => itemFact(key).kind === "flag" && seesItem(who, key);
const isItemAuthor = (who: Actor, key: string) => itemFact(key).author === who.key;
const teachesItem = (who: Actor, key: string) => isTeacherOf(who, classOfItem(key));
const seesReply = (who: Actor, key: string) => seesItem(who, replyFact(key).item);

/** Voting and withdrawing a vote: classmates who see the flag, not its author or the teacher. */
const VOTE = {
  target: "item",
  path: (r: { id: string }) => `/api/flags/${r.id}/vote`,
  sees: seesFlag,
  may: (who: Actor, key: string) => !isItemAuthor(who, key) && !teachesItem(who, key),
  refusal: 403,
  ok: 200,
  needsFresh: true,
} as const satisfies Partial<RouteTemplate>;

/** The flag every "merge into another flag" case merges from. */
export const MERGE_FROM = "A1.class.flag";

export const ITEM_ROUTES: RouteTemplate[] = [
  { name: "GET /api/annotations/:id", method: "GET", target: "item", path: (r) => `/api/annotations/${r.id}`, sees: seesItem, ok: 200, scanQuotes: true },
  {
    name: "PATCH /api/annotations/:id",
    method: "PATCH",
    target: "item",
    path: (r) => `/api/annotations/${r.id}`,
    sees: seesItem,
    may: isItemAuthor,
    refusal: 403,
    ok: 200,
    body: (r) => ({ version: r.version, tags: ["checked"] }),
    invalid: () => ({ version: 0 }),
    needsFresh: true,
  },
  {
    name: "DELETE /api/annotations/:id",
    method: "DELETE",
    target: "item",
    path: (r) => `/api/annotations/${r.id}`,
    sees: seesItem,
    may: isItemAuthor,
    refusal: 403,
    ok: 200,
    body: (r) => ({ version: r.version }),
    invalid: () => ({ version: "one" }),
    needsFresh: true,
  },
  {
    name: "POST /api/annotations/:id/replies",
    method: "POST",
    target: "item",
    path: (r) => `/api/annotations/${r.id}/replies`,
    sees: seesItem,
    ok: 201,
    body: (r) => ({ id: r.uuid(), body: doc(`A reply ${r.unique()}`) }),
    invalid: () => ({ id: "not-a-uuid", body: doc("A reply") }),
  },
  {
    name: "POST /api/annotations/:id/hide",
    method: "POST",
    target: "item",
    path: (r) => `/api/annotations/${r.id}/hide`,
    sees: seesItem,
    may: teachesItem,
    refusal: 404,
    ok: 200,
    body: () => ({ hidden: true }),
    invalid: () => ({ hidden: "yes" }),
    needsFresh: true,
  },
  { ...VOTE, name: "PUT /api/flags/:id/vote", method: "PUT", body: () => ({ value: "agree" }), invalid: () => ({ value: "maybe" }) },
  { ...VOTE, name: "DELETE /api/flags/:id/vote", method: "DELETE" },
  {
    name: "PATCH /api/flags/:id",
    method: "PATCH",
    target: "item",
    path: (r) => `/api/flags/${r.id}`,
    sees: seesFlag,
    may: isItemAuthor,
    refusal: 403,
    ok: 200,
    body: (r) => ({ version: r.version, correction: "revised" }),
    invalid: () => ({ version: -1 }),
    needsFresh: true,
  },
  {
    name: "POST /api/flags/:id/review",
    method: "POST",
    target: "item",
    path: (r) => `/api/flags/${r.id}/review`,
    sees: seesFlag,
    may: teachesItem,
    refusal: 403,
    ok: 200,
    body: () => ({ status: "needs_evidence", reason: "Cite a source." }),
    invalid: () => ({ status: "approved" }),
    needsFresh: true,
  },
  {
    name: "POST /api/flags/:id/merge",
    method: "POST",
    target: "item",
    path: (r) => `/api/flags/${r.id}/merge`,
    // Its twin has the same audience, so seeing one is seeing both.
    sees: seesFlag,
    may: teachesItem,
    refusal: 403,
    ok: 200,
    body: (r) => ({ intoId: r.twin }),
    invalid: () => ({ intoId: "" }),
    needsFresh: true,
  },
  {
    // The other id of a merge travels in the body: probing it must reveal nothing either.
    name: `POST /api/flags/<${MERGE_FROM}>/merge {intoId: :id}`,
    method: "POST",
    target: "flagInto",
    path: (r) => `/api/flags/${r.of(MERGE_FROM)}/merge`,
    sees: (who, key) => seesFlag(who, MERGE_FROM) && seesFlag(who, key),
    may: (who) => teachesItem(who, MERGE_FROM),
    refusal: 403,
    // Seen and allowed, but another passage (or assignment): not mergeable.
    ok: 422,
    body: (r) => ({ intoId: r.id }),
  },
];

export const REPLY_ROUTES: RouteTemplate[] = [
  {
    name: "PATCH /api/replies/:id",
    method: "PATCH",
    target: "reply",
    path: (r) => `/api/replies/${r.id}`,
    sees: seesReply,
    may: (who, key) => replyFact(key).author === who.key,
    refusal: 403,
    ok: 200,
    body: (r) => ({ version: r.version, body: doc(`Edited ${r.unique()}`) }),
    invalid: () => ({ version: 0, body: doc("Edited") }),
    needsFresh: true,
  },
  {
    name: "DELETE /api/replies/:id",
    method: "DELETE",
    target: "reply",
    path: (r) => `/api/replies/${r.id}`,
    sees: seesReply,
    may: (who, key) => replyFact(key).author === who.key,
    refusal: 403,
    ok: 200,
    body: (r) => ({ version: r.version }),
    invalid: () => ({}),
    needsFresh: true,
  },
];

