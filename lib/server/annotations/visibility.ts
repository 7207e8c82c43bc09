import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A rule over named facts, written as data so one rule can become a `where` and be evaluated on loaded facts. */
type Rule<T extends string> = T | { not: T } | { all: Rule<T>[] } | { any: Rule<T>[] };

/** The facts PEER_FLAGS_RULE looks at: the assignment's setting, then the viewer. */
export type PeerFlagTerm = "always" | "afterDue" | "pastDue" | "afterOwnFlag" | "ownFlag" | "teacher";

/**
 * Whether classmates' flags are visible to a student yet, per the
 * assignment's setting: always; once the viewer has posted a flag of their
 * own (so students find errors before copying others); or after the due date.
 * Teachers of the class always see them. Data, like VISIBILITY_RULE: the list
 * query reads it as a `where` (peerFlagsVisibleWhere), and live streams
 * evaluate it on facts loaded for all their readers at once
 * (lib/server/live/listener-access.ts).
 */
export const PEER_FLAGS_RULE: Rule<PeerFlagTerm> = {
  any: ["always", { all: ["afterDue", "pastDue"] }, { all: ["afterOwnFlag", "ownFlag"] }, "teacher"],
};

function peerFlagTermWhere(term: PeerFlagTerm, viewerId: string, now: Date): Prisma.AssignmentWhereInput {
  switch (term) {
    case "always":
      return { peerFlagVisibility: "always" };
    case "afterDue":
      return { peerFlagVisibility: "after_due" };
    case "pastDue":
      return { dueAt: { lte: now } };
    case "afterOwnFlag":
      return { peerFlagVisibility: "after_own_flag" };
    case "ownFlag":
      return { annotations: { some: { authorId: viewerId, kind: "flag", deletedAt: null } } };
    case "teacher":
      return { classroom: { memberships: { some: { userId: viewerId, role: "teacher" } } } };
  }
}

/** PEER_FLAGS_RULE as a `where` on the assignment (the rule uses no negations). */
export function peerFlagsVisibleWhere(viewerId: string, now: Date): Prisma.AssignmentWhereInput {
  const toWhere = (rule: Rule<PeerFlagTerm>): Prisma.AssignmentWhereInput => {
    if (typeof rule === "string") return peerFlagTermWhere(rule, viewerId, now);
    if ("all" in rule) return { AND: rule.all.map(toWhere) };
    if ("any" in rule) return { OR: rule.any.map(toWhere) };
    throw new Error("PEER_FLAGS_RULE has no negations");
  };
  return toWhere(PEER_FLAGS_RULE);
}

/** The same rule on facts already loaded. */
export function arePeerFlagsVisible(facts: Record<PeerFlagTerm, boolean>): boolean {
  return evaluate(PEER_FLAGS_RULE, facts);
}

/** Evaluates a rule on loaded facts. */
function evaluate<T extends string>(rule: Rule<T>, facts: Record<T, boolean>): boolean {
  if (typeof rule === "string") return facts[rule];
  if ("not" in rule) return !facts[rule.not];
  if ("all" in rule) return rule.all.every((r) => evaluate(r, facts));
  return rule.any.some((r) => evaluate(r, facts));
}

/** What the rule looks at: facts about the annotation, then facts about the viewer. */
export type VisibilityTerm =
  | "own"
  | "classScope"
  | "teachersScope"
  | "hidden"
  | "flag"
  | "deleted"
  | "liveReplies"
  | "member"
  | "teacher"
  | "peerFlagsVisible";

/**
 * Who may see an annotation, written once as data so that the list query (a
 * Prisma `where`, below) and the live filter (the same rule evaluated on a
 * loaded row, lib/server/live/live-hub.ts) cannot drift apart. Members only;
 * then: your own items; class-scope items that no teacher hid; and, for the
 * class's teachers, class and teacher-only items (hidden ones included).
 * Private items of others are never visible, not even to teachers.
 * Classmates' flags follow the assignment's peer-visibility setting. A
 * deleted item stays only while it has live replies.
 */
export const VISIBILITY_RULE: Rule<VisibilityTerm> = {
  all: [
    "member",
    { any: ["own", { all: ["classScope", { not: "hidden" }] }, { all: [{ any: ["classScope", "teachersScope"] }, "teacher"] }] },
    { any: [{ not: "flag" }, "own", "peerFlagsVisible"] },
    { any: [{ not: "deleted" }, "liveReplies"] },
  ],
};

/** Each term as a `where`, and its negation (written out, so the query keeps plain column tests). */
function termWhere(term: VisibilityTerm, viewerId: string, now: Date): [Prisma.AnnotationWhereInput, Prisma.AnnotationWhereInput] {
  const memberOf = (role?: "teacher"): Prisma.AnnotationWhereInput => ({
    assignment: { classroom: { memberships: { some: { userId: viewerId, ...(role ? { role } : {}) } } } },
  });
  switch (term) {
    case "own":
      return [{ authorId: viewerId }, { authorId: { not: viewerId } }];
    case "classScope":
      return [{ scope: "class" }, { scope: { not: "class" } }];
    case "teachersScope":
      return [{ scope: "teachers" }, { scope: { not: "teachers" } }];
    case "hidden":
      return [{ hiddenAt: { not: null } }, { hiddenAt: null }];
    case "flag":
      return [{ kind: "flag" }, { kind: { not: "flag" } }];
    case "deleted":
      return [{ deletedAt: { not: null } }, { deletedAt: null }];
    case "liveReplies":
      return [{ replies: { some: { deletedAt: null } } }, { replies: { none: { deletedAt: null } } }];
    case "member":
      return [memberOf(), { NOT: memberOf() }];
    case "teacher":
      return [memberOf("teacher"), { NOT: memberOf("teacher") }];
    case "peerFlagsVisible": {
      const where = { assignment: peerFlagsVisibleWhere(viewerId, now) };
      return [where, { NOT: where }];
    }
  }
}

function toWhere(rule: Rule<VisibilityTerm>, viewerId: string, now: Date): Prisma.AnnotationWhereInput {
  if (typeof rule === "string") return termWhere(rule, viewerId, now)[0];
  if ("not" in rule) return termWhere(rule.not, viewerId, now)[1];
  if ("all" in rule) return { AND: rule.all.map((r) => toWhere(r, viewerId, now)) };
  return { OR: rule.any.map((r) => toWhere(r, viewerId, now)) };
}

/** The same rule on facts already loaded: true when the viewer may see the annotation. */
export function isVisibleBy(facts: Record<VisibilityTerm, boolean>): boolean {
  return evaluate(VISIBILITY_RULE, facts);
}

/**
 * The rows a viewer may see, as a `where` clause (VISIBILITY_RULE), so
 * authorization happens in the query rather than after loading.
 */
export function visibleAnnotationWhere(viewerId: string, now = new Date()): Prisma.AnnotationWhereInput {
  return toWhere(VISIBILITY_RULE, viewerId, now);
}

/** Same rule for a single annotation id: the only way routes look one up. */
export function visibleAnnotationById(viewerId: string, id: string): Prisma.AnnotationWhereInput {
  return { AND: [{ id }, visibleAnnotationWhere(viewerId)] };
}
