import "server-only";
import type { AnnotationKind, Scope } from "@/lib/annotations/types";
import { isVisibleBy, type VisibilityTerm } from "@/lib/server/annotations/visibility";
import type { ListenerStanding } from "./listener-access";

/** The root annotation of a change as it stands now. */
export interface RootNow {
  authorId: string;
  scope: Scope;
  kind: AnnotationKind;
  isHidden: boolean;
  isDeleted: boolean;
  hasLiveReplies: boolean;
}

/** A change as written in the log: its root's audience then (null scope: the whole assignment). */
export interface LoggedAudience {
  scope: Scope | null;
  ownerId: string | null;
  kind: AnnotationKind | null;
}

/**
 * The audience to write in the log for a change to a thread: its scope,
 * except that a class thread a teacher hid is heard only by its author and
 * the teachers, like the thread itself. The hide and unhide themselves are
 * written with the class scope, so classmates' readers drop or regain it.
 */
export function audienceScope(root: { scope: Scope; hiddenAt: Date | null }): Scope {
  return root.hiddenAt && root.scope === "class" ? "teachers" : root.scope;
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
  const asWritten: Record<VisibilityTerm, boolean> = {
    ...viewer,
    own: row.ownerId === viewerId,
    classScope: row.scope === "class",
    teachersScope: row.scope === "teachers",
    hidden: false,
    flag: row.kind === "flag",
    deleted: false,
    liveReplies: false,
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
  };
  if (now && isVisibleBy(now)) return "send";
  return isVisibleBy(asWritten) ? "remove" : "skip";
}
