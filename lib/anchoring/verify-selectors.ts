import { createTextIndex, indexToUtf16 } from "./offsets";
import type { OffsetIndex } from "./offsets";
import type { Span } from "./types";

export interface SubmittedSelectors {
  quote: { exact: string; prefix?: string; suffix?: string };
  /** Code points, as stored. */
  position: { start: number; end: number };
}

/**
 * Checks that a client's selectors describe the text as it is: the quote
 * stands exactly at the position, and the prefix/suffix are the characters
 * right before and after it. Returns the UTF-16 span, or a reason. A tampered
 * or stale selector must be refused, never stored and "fixed" later.
 */
export function verifySelectors(
  text: string,
  selectors: SubmittedSelectors,
  index: OffsetIndex = createTextIndex(text),
): { ok: true; span: Span } | { ok: false; reason: string } {
  const { quote, position } = selectors;
  if (position.end <= position.start) return { ok: false, reason: "The selection is empty." };
  if (position.end > index.cpLength) {
    return { ok: false, reason: "The selection lies outside the essay's text." };
  }
  const start = indexToUtf16(index, position.start);
  const end = indexToUtf16(index, position.end);
  if (text.slice(start, end) !== quote.exact) {
    return { ok: false, reason: "The selected words are not at that place in the essay." };
  }
  const prefix = quote.prefix ?? "";
  const suffix = quote.suffix ?? "";
  if (prefix.length > start || text.slice(start - prefix.length, start) !== prefix) {
    return { ok: false, reason: "The text before the selection does not match the essay." };
  }
  if (text.slice(end, end + suffix.length) !== suffix) {
    return { ok: false, reason: "The text after the selection does not match the essay." };
  }
  return { ok: true, span: { start, end } };
}
