/**
 * The shape of a route in the authorization matrix: its rule (who sees its
 * target, who among them may act, what each gets) and how to build its path
 * and body from a Ref the runner fills with the seeded ids. Pure.
 */
import type { Actor } from "./authz-model";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a route's dynamic part names; the runner resolves fact keys of that kind to ids. */
export type TargetKind =
  | "item"
  | "flagInto"
  | "reply"
  | "assignment"
  | "class"
  | "classMember"
  | "memberUser"
  | "entry"
  | "reading"
  | "readingSlug"
  | "sourceReading"
  | "sourceSlug"
  | "sourceFile"
  | "essayRef"
  | "invitation"
  | "none";

/** What the runner hands to paths and bodies. */
export interface Ref {
  /** The target's fact key, or the name of the guess. */
  key: string;
  /** The target's id (slug for readingSlug and sourceSlug), or the guessed one. */
  id: string;
  /** Any other seeded value by key: an id, `<key>.email`, `<key>.title`, `joinCode.C`, `essay.library`. */
  of(key: string): string;
  /** The target's duplicate flag (a guess when the target is one). */
  twin: string;
  /** The target's current version (1 for guesses). */
  version: number;
  uuid(): string;
  /** Valid selectors on a passage of the essay no seeded annotation uses. */
  span(): { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } };
  /** A short string unique to this run and call. */
  unique(): string;
}

export interface RouteTemplate {
  name: string;
  method: Method;
  target: TargetKind;
  path: (ref: Ref, who: Actor) => string;
  /** Pages send the signed-out to sign in (a redirect); API routes answer 401. */
  isPage?: boolean;
  /** Whether the actor can see the target at all. Unseen must look exactly like a guessed id. */
  sees: (who: Actor, key: string) => boolean;
  /** Status when unseen: 404, except where the product answers something else for any id. */
  unseen?: (who: Actor) => number;
  /** Among those who see the target, who may do this (default: all of them). */
  may?: (who: Actor, key: string) => boolean;
  /** Status for those who see the target but may not act on it. */
  refusal?: 403 | 404 | 422;
  /** Status on success. */
  ok: number;
  /** A JSON body, or a FormData sent as multipart. */
  body?: (ref: Ref) => unknown;
  /** An invalid body: 422 for whoever may act (and, when validated first, for every signed-in actor). */
  invalid?: (ref: Ref) => unknown;
  /** Whether input is checked before the target is looked up (true for every route but import). */
  validatesFirst?: boolean;
  /**
   * Every answer is searched for the ids and words of what its reader may not
   * see; answers that never hold the essay's own text are searched for the
   * seeded quotes too.
   */
  scanQuotes?: boolean;
  /** A success lists every annotation of the assignment the actor may see, with its replies (a check that the scan is not vacuous). */
  listsItems?: boolean;
  /** A Server-Sent Events stream: read its catch-up, then hang up. */
  isStream?: boolean;
  /** The success changes the target: aim it at a fresh copy, so the other cases keep theirs. */
  needsFresh?: boolean;
}

/** A one-paragraph Tiptap document. */
export const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A reading's form as the teacher sends it; the same title always gives the same text. */
export const readingInput = (title: string) => ({
  title,
  author: "A. Teacher",
  source: "Written for the authorization matrix",
  retrieved: "2026-01-15",
  notes: "Test reading.",
  text: `# ${title}\n\nA short text for ${title}.`,
});

