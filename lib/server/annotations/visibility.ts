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
  | "guide"
  | "groupmate"
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
 * deleted item stays only while it has live replies. In a group assignment
 * "class" means the author's group ("groupmate": the annotation carries its
 * author's group, lib/server/groups), so a classmate of another group does
 * not see it; teachers see every group's. A teacher's guiding question or
 * instruction ("guide") is seen by every member, whatever their group, and
 * its scope says who sees the answers (REPLY_VISIBILITY_RULE).
 */
export const VISIBILITY_RULE: Rule<VisibilityTerm> = {
  all: [
    "member",
    {
      any: [
        "own",
        { all: ["classScope", { not: "hidden" }, "groupmate"] },
        { all: [{ any: ["classScope", "teachersScope"] }, "teacher"] },
        { all: ["guide", { not: "hidden" }] },
      ],
    },
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
    case "guide":
      return [{ guide: { not: null } }, { guide: null }];
    case "groupmate": {
      const where = groupmateWhere(viewerId);
      return [where, { NOT: where }];
    }
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

/**
 * "groupmate" for a row that carries its author's group (an annotation, or a reply): no group (whole-class
 * work, or a teacher's); the viewer's group; or the set's "Not in a group" while the viewer has no group in
 * that set (they are in it too).
 */
function groupmateWhere(viewerId: string) {
  return {
    OR: [
      { groupId: null },
      { group: { members: { some: { userId: viewerId } } } },
      { group: { isUnplaced: true, set: { members: { none: { userId: viewerId } } } } },
    ],
  } satisfies Prisma.AnnotationWhereInput & Prisma.ReplyWhereInput;
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

/** What REPLY_VISIBILITY_RULE looks at: VISIBILITY_RULE's terms read on the reply, and whether its thread is a guide. */
export type ReplyVisibilityTerm = VisibilityTerm | "inGuide";

/**
 * Who may see a reply, once its thread is visible. A reply in an ordinary
 * thread goes with its thread. An answer to a guiding question is read as an
 * item of its own by VISIBILITY_RULE itself: its author's, in the guide's
 * scope ("class": the class, or the answerer's group in a group assignment;
 * "teachers": the answerer and the teachers only), gone for others when the
 * guide is hidden or the answer deleted. The list reads it as a `where`
 * (visibleReplyWhere) and the live filter on loaded facts (isReplyVisibleBy).
 */
export const REPLY_VISIBILITY_RULE: Rule<ReplyVisibilityTerm> = { any: [{ not: "inGuide" }, VISIBILITY_RULE] };

/** Prisma has no literal true or false; these are the plain column tests that always hold or never do. */
const NEVER: Prisma.ReplyWhereInput = { id: { in: [] } };
const ALWAYS: Prisma.ReplyWhereInput = { NOT: NEVER };

/** Each term read on a reply: the reply's own author, group and deletion; the scope, hiding and kind of its thread. */
function replyTermWhere(term: ReplyVisibilityTerm, viewerId: string, now: Date): [Prisma.ReplyWhereInput, Prisma.ReplyWhereInput] {
  switch (term) {
    case "own":
      return [{ authorId: viewerId }, { authorId: { not: viewerId } }];
    case "deleted":
      return [{ deletedAt: { not: null } }, { deletedAt: null }];
    case "groupmate": {
      const where = groupmateWhere(viewerId);
      return [where, { NOT: where }];
    }
    // A reply has no replies of its own and is never a guide.
    case "liveReplies":
    case "guide":
      return [NEVER, ALWAYS];
    case "inGuide":
      return [{ annotation: { guide: { not: null } } }, { annotation: { guide: null } }];
    default: {
      const [yes, no] = termWhere(term, viewerId, now);
      return [{ annotation: yes }, { annotation: no }];
    }
  }
}

function toReplyWhere(rule: Rule<ReplyVisibilityTerm>, viewerId: string, now: Date): Prisma.ReplyWhereInput {
  if (typeof rule === "string") return replyTermWhere(rule, viewerId, now)[0];
  if ("not" in rule) return replyTermWhere(rule.not, viewerId, now)[1];
  if ("all" in rule) return { AND: rule.all.map((r) => toReplyWhere(r, viewerId, now)) };
  return { OR: rule.any.map((r) => toReplyWhere(r, viewerId, now)) };
}

/** The replies a viewer may see: their thread is visible (VISIBILITY_RULE) and REPLY_VISIBILITY_RULE admits them. */
export function visibleReplyWhere(viewerId: string, now = new Date()): Prisma.ReplyWhereInput {
  return { AND: [{ annotation: visibleAnnotationWhere(viewerId, now) }, toReplyWhere(REPLY_VISIBILITY_RULE, viewerId, now)] };
}

/** REPLY_VISIBILITY_RULE alone, for the replies loaded with threads already visible (the list's include). */
export function replyRuleWhere(viewerId: string, now = new Date()): Prisma.ReplyWhereInput {
  return toReplyWhere(REPLY_VISIBILITY_RULE, viewerId, now);
}

/** The same rule on facts already loaded (the thread is visible to the viewer). */
export function isReplyVisibleBy(facts: Record<ReplyVisibilityTerm, boolean>): boolean {
  return evaluate(REPLY_VISIBILITY_RULE, facts);
}
