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
 * (VISIBILITY_RULE): the change itself while its thread is in their sight
 * now; a bare "reload" when the thread was in their sight as the change was
 * written (the audience in the log) but is not any more; otherwise nothing.
 * Changes to the whole assignment (no root) go to every member.
 */
export function hearingOf(
  row: LoggedAudience,
  root: RootNow | null | undefined,
  viewerId: string,
  standing: ListenerStanding,
): "send" | "reload" | "skip" {
  if (row.scope === null || root === undefined) return "send";
  const viewer = { member: true, teacher: standing.isTeacher, peerFlagsVisible: standing.peerFlagsVisible };
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
  return isVisibleBy(asWritten) ? "reload" : "skip";
}

