import "server-only";
import type { Scope } from "@/lib/annotations/types";

/** Who is listening: the reader's id and whether they teach the class. */
export interface Listener {
  viewerId: string;
  isTeacher: boolean;
}

/** A change's audience as written in the log: the root annotation's scope and author (null scope: everyone). */
export interface Audience {
  scope: Scope | null;
  ownerId: string | null;
}

/** The root annotation of a change as it stands now. */
export interface RootNow {
  authorId: string;
  scope: Scope;
  isHidden: boolean;
  isDeleted: boolean;
  hasLiveReplies: boolean;
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

/** Whether a reader may hear of a change, by the audience it was written with. */
export function canHear(event: Audience, listener: Listener): boolean {
  if (event.scope === null || event.ownerId === listener.viewerId) return true;
  if (event.scope === "class") return true;
  return event.scope === "teachers" && listener.isTeacher;
}

/**
 * Whether the reader may see the change's thread now: the visibility rule of
 * lib/server/annotations/visibility.ts on one loaded row (peer flags are
 * checked apart). A change heard when written can concern a thread that was
 * hidden, narrowed to private or deleted since; replaying its id to a reader
 * catching up would tell them the thread exists.
 */
export function canSeeRootNow(root: RootNow, listener: Listener): boolean {
  if (root.isDeleted && !root.hasLiveReplies) return false;
  if (root.authorId === listener.viewerId) return true;
  if (root.scope === "private") return false;
  if (root.scope === "teachers" || root.isHidden) return listener.isTeacher;
  return true;
}
