import { normalizeHref } from "@/lib/rich-text";

/** What the inline link field should do with what the student typed. */
export type LinkInputResult =
  | { ok: true; href: string }
  | { ok: true; href: null /* remove the link */ }
  | { ok: false; message: string };

/** Shown for any address the URL policy refuses. */
export const LINK_INPUT_NOT_ALLOWED =
  "That address can't be linked. Use a web address starting with https:// or http://, or an email address starting with mailto:.";

/**
 * Checks the link field. Blank means "remove the link". Only the edges are
 * trimmed (a pasted trailing space is common); everything else goes to the
 * URL policy untouched, which never repairs an address. A bare domain gets a
 * hint instead of a guessed scheme, so the student sees what will be stored.
 */
export function checkLinkInput(raw: string): LinkInputResult {
  const value = raw.trim();
  if (value === "") return { ok: true, href: null };
  const href = normalizeHref(value);
  if (href) return { ok: true, href };
  if (/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#]\S*)?$/u.test(value)) {
    return { ok: false, message: `Add https:// at the start, for example https://${value.slice(0, 60)}` };
  }
  if (/^[^\s@]+@[^\s@][^\s.@]*\.[^\s@]+$/u.test(value)) {
    return { ok: false, message: `For an email address, add mailto: at the start, for example mailto:${value.slice(0, 60)}` };
  }
  return { ok: false, message: LINK_INPUT_NOT_ALLOWED };
}
