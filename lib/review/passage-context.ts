import { CONTEXT_LENGTH } from "@/lib/anchoring";
import type { QuoteDTO } from "@/lib/annotations/types";
import { truncateText } from "@/lib/format/truncate-text";
import { findPassages } from "./find-passage";

/**
 * A passage with a few of the words around it, so a teacher can tell which
 * occurrence of "1995" a flag is on without opening the reader.
 */
export interface PassageContext {
  /** The words just before the passage, whitespace collapsed; "" at the start of a block. */
  before: string;
  /** The passage itself (long ones shortened). */
  exact: string;
  /** The words just after it; "" at the end of a block. */
  after: string;
  /** True when `before` starts after a cut (more words precede it in the block). */
  isCutBefore: boolean;
  /** True when `after` ends at a cut. */
  isCutAfter: boolean;
  /** Which place of these same words in the text it is, when they stand there more than once. */
  occurrence: { index: number; count: number } | null;
}

/** Words either side: enough to recognise the sentence, short enough to scan a list of thirty flags. */
export const CONTEXT_WORDS = 6;
/** Longest passage shown in full; a longer one is shortened at a word. */
export const PASSAGE_CHARS = 160;

const isSpace = (c: string) => /\s/u.test(c);
const flat = (s: string) => s.replace(/\s+/gu, " ");

/** The last `n` words of `s` (a word cut by the passage's start counts as one), and whether more came before. */
function lastWords(s: string, n: number): { text: string; isCut: boolean } {
  let i = s.length;
  for (let count = 0; count < n && i > 0; count += 1) {
    while (i > 0 && isSpace(s[i - 1])) i -= 1;
    while (i > 0 && !isSpace(s[i - 1])) i -= 1;
  }
  return { text: flat(s.slice(i)).trimStart(), isCut: s.slice(0, i).trim() !== "" };
}

/** The first `n` words of `s`, and whether more follow. */
function firstWords(s: string, n: number): { text: string; isCut: boolean } {
  let i = 0;
  for (let count = 0; count < n && i < s.length; count += 1) {
    while (i < s.length && isSpace(s[i])) i += 1;
    while (i < s.length && !isSpace(s[i])) i += 1;
  }
  return { text: flat(s.slice(0, i)).trim(), isCut: s.slice(i).trim() !== "" };
}

/**
 * The passage at `span` in the current `text` with up to `words` words either
 * side. Context stops at the block's edge (blocks are joined by a newline in
 * the canonical text), so a heading never reads as part of the next
 * paragraph's sentence. When the same words stand in the text more than once,
 * `occurrence` says which place this is ("2 of 3").
 *
 * A passage that cannot be placed on the current text (`span` null) falls back
 * to the words stored around it when it was made (`quote.prefix`/`suffix`),
 * which is what the flag's author saw.
 */
export function passageContext(
  passage: { quote: QuoteDTO; span: { start: number; end: number } | null },
  text: string | null,
  words = CONTEXT_WORDS,
): PassageContext {
  const { quote, span } = passage;
  const isPlaced = span !== null && text !== null && span.start <= span.end && span.end <= text.length;
  const around = isPlaced ? placedSides(text, span) : storedSides(quote);
  const before = lastWords(around.before, words);
  const after = firstWords(around.after, words);
  // Keep the space between the context and the passage, so "In 1995 the" does not read "In1995the".
  const gapBefore = before.text !== "" && isSpace(around.before.at(-1) ?? "") ? " " : "";
  const gapAfter = after.text !== "" && isSpace(around.after[0] ?? "") ? " " : "";
  return {
    before: before.text === "" ? "" : `${before.text.trimEnd()}${gapBefore}`,
    exact: truncateText(isPlaced ? text.slice(span.start, span.end) : quote.exact, PASSAGE_CHARS),
    after: after.text === "" ? "" : `${gapAfter}${after.text}`,
    isCutBefore: before.isCut || (around.isCutBefore && before.text !== ""),
    isCutAfter: after.isCut || (around.isCutAfter && after.text !== ""),
    occurrence: isPlaced ? occurrenceAt(text, span) : null,
  };
}

/** The rest of the passage's block either side of it, in the current text. */
function placedSides(text: string, span: { start: number; end: number }) {
  const blockStart = text.lastIndexOf("\n", span.start - 1) + 1;
  const blockEnd = text.indexOf("\n", span.end);
  return { before: text.slice(blockStart, span.start), after: text.slice(span.end, blockEnd === -1 ? text.length : blockEnd), isCutBefore: false, isCutAfter: false };
}

/**
 * The words stored around the passage when it was made (lib/anchoring keeps
 * CONTEXT_LENGTH characters each side). A side stored at full length was cut
 * there, so the word at the cut is a fragment and is left out; a shorter side
 * reached the start or end of the text. Anything past a block's edge is left
 * out too.
 */
function storedSides(quote: QuoteDTO) {
  const isPrefixCut = quote.prefix.length >= CONTEXT_LENGTH - 1;
  const isSuffixCut = quote.suffix.length >= CONTEXT_LENGTH - 1;
  const lineBreak = quote.prefix.lastIndexOf("\n");
  const prefix = quote.prefix.slice(lineBreak + 1);
  const nextBreak = quote.suffix.indexOf("\n");
  const suffix = nextBreak === -1 ? quote.suffix : quote.suffix.slice(0, nextBreak);
  const firstSpace = prefix.search(/\s/u);
  const lastSpace = suffix.search(/\s\S*$/u);
  const dropFirst = isPrefixCut && lineBreak === -1 && firstSpace > 0;
  const dropLast = isSuffixCut && nextBreak === -1 && lastSpace > 0;
  return {
    before: dropFirst ? prefix.slice(firstSpace) : prefix,
    after: dropLast ? suffix.slice(0, lastSpace + 1) : suffix,
    isCutBefore: isPrefixCut && lineBreak === -1,
    isCutAfter: isSuffixCut && nextBreak === -1,
  };
}

/** Which place of its own words (1-based) `span` is, among all places they stand in `text`; null when only one. */
export function occurrenceAt(text: string, span: { start: number; end: number }): { index: number; count: number } | null {
  const places = findPassages(text, text.slice(span.start, span.end));
  if (places.length < 2) return null;
  const index = places.findIndex((p) => p.start === span.start);
  return index === -1 ? null : { index: index + 1, count: places.length };
}
