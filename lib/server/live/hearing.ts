import "server-only";
import type { AnnotationKind, Scope } from "@/lib/annotations/types";
import { isReplyVisibleBy, isVisibleBy, type VisibilityTerm } from "@/lib/server/annotations/visibility";
import type { ListenerStanding } from "./listener-access";

/** The root annotation of a change as it stands now. */
export interface RootNow {
  authorId: string;
  scope: Scope;
  kind: AnnotationKind;
  isHidden: boolean;
  isDeleted: boolean;
  hasLiveReplies: boolean;
  /** A teacher's guiding question or instruction: every member sees it. */
  isGuide?: boolean;
  /** The group it belongs to in a group assignment (null or absent: the whole class). */
  groupId?: string | null;
}

/** A change as written in the log: its root's audience then (null scope: the whole assignment). */
export interface LoggedAudience {
  scope: Scope | null;
  ownerId: string | null;
  kind: AnnotationKind | null;
  groupId?: string | null;
}

/**
 * The audience to write in the log for a change to a thread: its scope,
 * except that a class thread a teacher hid is heard only by its author and
 * the teachers, like the thread itself. The hide and unhide themselves are
 * written with the class scope, so classmates' readers drop or regain it.
 */
export function audienceScope(root: { scope: Scope; hiddenAt: Date | null; guide?: string | null }): Scope {
  // A guide is heard by everyone (its scope is who sees the answers), unless hidden.
  if (root.guide && !root.hiddenAt) return "class";
  return root.hiddenAt && root.scope === "class" ? "teachers" : root.scope;
}

/** A reply as a delivery loads it: enough to read REPLY_VISIBILITY_RULE on it. */
export interface ReplyNow {
  authorId: string;
  groupId: string | null;
}

/**
 * Whether a reader may see one reply of a thread they see, by
 * REPLY_VISIBILITY_RULE on loaded facts. `isDeleted` false asks whether the
 * reader could see it at all (a change to an answer they never saw is not
 * theirs to hear of: its id and author stay unsaid).
 */
export function seesReply(reply: ReplyNow & { isDeleted: boolean }, root: RootNow, viewerId: string, standing: ListenerStanding): boolean {
  return isReplyVisibleBy({
    member: true,
    teacher: standing.isTeacher,
    peerFlagsVisible: standing.peerFlagsVisible,
    own: reply.authorId === viewerId,
    classScope: root.scope === "class",
    teachersScope: root.scope === "teachers",
    hidden: root.isHidden,
    flag: root.kind === "flag",
    deleted: reply.isDeleted,
    liveReplies: false,
    guide: false,
    groupmate: !reply.groupId || standing.groupIds.has(reply.groupId),
    inGuide: Boolean(root.isGuide),
  });
}

/**
 * What a reader gets of one logged change, by the one visibility rule
 * (VISIBILITY_RULE): the thread as it stands now while it is in their sight
 * ("send"); its removal when it was in their sight as the change was written
 * (the audience in the log) but is not any more ("remove": hidden, made
 * private, deleted); otherwise nothing. Changes to the whole assignment (null
 * scope) go to every member; other changes that are not about a thread (no
 * root, say the answer key) go to whoever the logged audience admits.
 */
export function hearingOf(
  row: LoggedAudience,
  root: RootNow | null | undefined,
  viewerId: string,
  standing: ListenerStanding,
): "send" | "remove" | "skip" {
  if (row.scope === null) return "send";
  const viewer = { member: true, teacher: standing.isTeacher, peerFlagsVisible: standing.peerFlagsVisible };
  const isGroupmate = (groupId: string | null | undefined) => !groupId || standing.groupIds.has(groupId);
  const asWritten: Record<VisibilityTerm, boolean> = {
    ...viewer,
    own: row.ownerId === viewerId,
    classScope: row.scope === "class",
    teachersScope: row.scope === "teachers",
    hidden: false,
    flag: row.kind === "flag",
    deleted: false,
    liveReplies: false,
    guide: false,
    groupmate: isGroupmate(row.groupId),
  };
  if (root === undefined) return isVisibleBy(asWritten) ? "send" : "skip";
  const now: Record<VisibilityTerm, boolean> | null = root && {
    ...viewer,
    own: root.authorId === viewerId,
    classScope: root.scope === "class",
    teachersScope: root.scope === "teachers",
    hidden: root.isHidden,
    flag: root.kind === "flag",
    deleted: root.isDeleted,
    liveReplies: root.hasLiveReplies,
    guide: Boolean(root.isGuide),
    groupmate: isGroupmate(root.groupId),
  };
  if (now && isVisibleBy(now)) return "send";
  return isVisibleBy(asWritten) ? "remove" : "skip";
}
