import type { Hint, HintEvidence, HintKind, Segment } from "./types";
import type { FlagCategory } from "./categories";

/** A word found in a segment, with its offsets in the canonical text. */
export interface WordToken {
  start: number;
  end: number;
  /** The word as written, possessive "'s" removed. */
  raw: string;
  /** Lower-case, diacritics and hyphens removed: the form words are compared in. */
  norm: string;
  /** True when the word opens its block or follows . ! ? — its capital says nothing. */
  sentenceInitial: boolean;
}

// Letters with inner apostrophes or hyphens ("Stalin’s", "De-Stalinization").
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;

// Letters that Unicode does not decompose into a base letter plus a mark.
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: "l", Ł: "L", ø: "o", Ø: "O", đ: "d", Đ: "D", ı: "i", ß: "ss", æ: "ae", Æ: "Ae", œ: "oe", Œ: "Oe" };

const PLAIN_LETTERS = /^[a-z]+$/i;

/** Lower-cases and strips diacritics and hyphens so spelling variants compare equal. */
export function normalizeWord(word: string): string {
  // Most words are plain ASCII letters: Unicode normalization would cost a 1 MB reading a second.
  if (PLAIN_LETTERS.test(word)) return word.toLowerCase();
  return word
    .replace(/[łŁøØđĐıßæÆœŒ]/gu, (c) => UNDECOMPOSED[c])
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/-/g, "")
    .toLowerCase();
}

/**
 * Tokens per segment, for the length of one findHints call: every detector
 * reads the same words, and tokenizing a 1 MB reading once per detector
 * cost more than the detectors' own work. Segments are made anew per call
 * (buildContext), so the cache is released with them.
 */
const TOKENS = new WeakMap<Segment, WordToken[]>();

/** The words of one segment, in order. The array is shared: do not change it. */
export function tokenize(segment: Segment): WordToken[] {
  const cached = TOKENS.get(segment);
  if (cached) return cached;
  const out: WordToken[] = [];
  TOKENS.set(segment, out);
  for (const m of segment.text.matchAll(WORD)) {
    const word = m[0];
    const raw = word.length > 2 && (word.endsWith("'s") || word.endsWith("’s")) ? word.slice(0, -2) : word;
    const at = m.index ?? 0;
    out.push({
      start: segment.start + at,
      end: segment.start + at + raw.length,
      raw,
      norm: normalizeWord(raw),
      sentenceInitial: isSentenceInitial(segment.text, at),
    });
  }
  return out;
}

/** True when nothing but opening quotes/brackets stands between `at` and a sentence start. */
export function isSentenceInitial(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && OPENERS.has(text[i])) i--;
  return i < 0 || SENTENCE_STOPS.has(text[i]);
}

const OPENERS = new Set([" ", "\n", "\t", "\u00a0", '"', "'", "‘", "“", "(", "["]);
const SENTENCE_STOPS = new Set([".", "!", "?", ":", ";"]);

/** True when the word starts with a capital letter. */
export function isCapitalized(word: string): boolean {
  const first = word[0];
  // A letter that lower-casing changes is a capital; cheaper than /^\p{Lu}/u on a 1 MB reading's every word.
  return first !== undefined && first !== first.toLowerCase();
}

/** Gives `replacement` the capitalization of `original` (ALL CAPS, Capitalized or as is). */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && /\p{L}/u.test(original)) {
    return replacement.toUpperCase();
  }
  if (isCapitalized(original) && !isCapitalized(replacement)) {
    return replacement[0].toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition),
 * giving up with `limit + 1` as soon as the answer must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

// Letter pairs that are British/American variants, not mistakes (ise/ize, defence/defense).
const VARIANT_PAIRS = new Set(["sz", "zs", "cs", "sc"]);

/** True when two normalized words differ by one s/z or c/s swap, or by "our"/"or". */
export function isSpellingVariant(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diffs = [...a].map((c, i) => (c === b[i] ? "" : c + b[i])).filter(Boolean);
    return diffs.length === 1 && VARIANT_PAIRS.has(diffs[0]);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.length === short.length + 1 && long.replace("our", "or") === short;
}

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Builds a hint, cutting `exact` from the text so it always matches the span. */
export function makeHint(
  text: string,
  fields: {
    start: number;
    end: number;
    kind: HintKind;
    category: FlagCategory;
    message: string;
    suggestion?: string;
    confidence: number;
    evidence: HintEvidence[];
  },
): Hint {
  return {
    start: fields.start,
    end: fields.end,
    exact: text.slice(fields.start, fields.end),
    kind: fields.kind,
    category: fields.category,
    message: fields.message,
    ...(fields.suggestion !== undefined ? { suggestion: fields.suggestion } : {}),
    // Rounded so that output is stable and readable; two decimals is all a ranking needs.
    confidence: Math.round(Math.min(1, Math.max(0, fields.confidence)) * 100) / 100,
    evidence: fields.evidence,
  };
}

/** Quotes a passage for a note: “…”, cut to `max` characters with an ellipsis. */
export function quoted(passage: string, max = 60): string {
  const flat = passage.replace(/\s+/g, " ").trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/**
 * Where an offset stands, in words a reader can find: "under the heading
 * “Independence”", or "in the opening" before any heading. Headings are the
 * only landmarks every reading has; a paragraph number would not survive
 * the reader's own layout. Built once per text, answered by binary search,
 * so thousands of hints cost no scan each.
 */
export function createPlaceFinder(segments: readonly Segment[]): (offset: number) => string {
  const headings = segments.filter((s) => s.type === "heading");
  return (offset) => {
    let lo = 0;
    let hi = headings.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headings[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return "in the opening";
    const heading = headings[found];
    return offset < heading.end ? "in a heading" : `under the heading ${quoted(heading.text, 40)}`;
  };
}

/** "once", "twice", "3 times". */
export function timesWord(count: number): string {
  return count === 1 ? "once" : count === 2 ? "twice" : `${count} times`;
}

/**
 * For each token (in order) of one segment, whether it stands inside double
 * quotation marks (“…”, "…", «…»): a quotation reproduces someone else's
 * words, slogans in other languages among them, so it is not the writer's
 * spelling. One sweep over the segment.
 */
export function markQuoted(segment: Segment, tokens: readonly WordToken[]): boolean[] {
  const { text } = segment;
  let straight = 0;
  let curly = 0;
  let i = 0;
  return tokens.map((token) => {
    for (const stop = token.start - segment.start; i < stop; i++) {
      const c = text[i];
      if (c === '"') straight++;
      else if (c === "“" || c === "«") curly++;
      else if ((c === "”" || c === "»") && curly > 0) curly--;
    }
    return straight % 2 === 1 || curly > 0;
  });
}

/**
 * Endings that make another form of the same word (plural, tense, demonym,
 * adjective): "Mughal"/"Mughals", "Prussia"/"Prussian", "purges"/"purged".
 * Two spellings that differ only in these are both right.
 */
const INFLECTIONS = new Set([
  "", "s", "es", "'s", "d", "ed", "ing", "er", "ers", "est", "ly", "y", "ies", "ied", "e",
  "n", "an", "ans", "ian", "ians", "ese", "ic", "ism", "ist", "ists", "ite", "ites", "i", "is",
]);

/**
 * True when the spellings differ only in an inflectional ending ("Mughal"/"Mughals", "Prussia"/"Prussian",
 * "Italy"/"Italian"). Two endings of which one is the tail of the other ("n"/"an", "s"/"es", "d"/"ed") are a
 * letter dropped inside the word, not two forms: "Trevelyn" is a slip for "Trevelyan", not its inflection.
 */
export function isInflection(a: string, b: string): boolean {
  const p = commonPrefix(a, b);
  const [x, y] = [a.slice(p), b.slice(p)];
  const isLetterDropped = x !== "" && y !== "" && (x.endsWith(y) || y.endsWith(x));
  return p >= 3 && INFLECTIONS.has(x) && INFLECTIONS.has(y) && !isLetterDropped;
}

