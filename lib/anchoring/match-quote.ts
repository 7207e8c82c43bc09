import search from "approx-string-match";
import { isSurrogatePairAt } from "./offsets";
import { scoreCandidate } from "./score";
import type { MatchContext, ScoreParts } from "./score";
import type { Span, TextQuoteSelector } from "./types";

/*
 * Acceptance policy for fuzzy matches. A highlight on the wrong words is worse
 * than an orphan, so a fuzzy place must pass all three:
 *
 * - MIN_QUOTE_SIMILARITY 0.7: at most 30% of the quote's characters differ.
 *   That keeps "one word in three reworded" (Hypothesis' "some years later" →
 *   "Many years later", 0.75) and typo fixes, and refuses places that merely
 *   share a few words. It also bounds the search radius, which keeps it fast.
 * - MIN_FUZZY_SCORE 0.7 on the weighted score: when the quote is only just
 *   similar enough, the stored prefix/suffix must back it up; a marginal quote
 *   with foreign context on both sides is a guess, so it is refused.
 * - MIN_FUZZY_QUOTE_LENGTH 8: under about eight characters one edit makes a
 *   different word ("1995" → "1955", "Paris" → "Parma") and such strings recur
 *   by chance, so short quotes are only ever anchored exactly.
 */
export const MIN_QUOTE_SIMILARITY = 0.7;
export const MIN_FUZZY_SCORE = 0.7;
export const MIN_FUZZY_QUOTE_LENGTH = 8;

/** A candidate place for a quote, scored. */
export interface QuoteMatch extends Span {
  errors: number;
  score: number;
  parts: ScoreParts;
}

export interface MatchQuoteOptions {
  /** Search radius in edits; defaults to the acceptance limit above. */
  maxErrors?: number;
  /** Only places overlapping one of these ranges (sorted, UTF-16) count. */
  within?: Span[];
}

/** Start offsets of every occurrence of `exact`, overlapping ones included. */
export function findOccurrences(text: string, exact: string): number[] {
  const starts: number[] = [];
  if (exact === "") return starts;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) starts.push(i);
  return starts;
}

/** True when the exact prefix and suffix (if any) sit right next to start..end. */
export function hasExactContext(text: string, start: number, end: number, prefix = "", suffix = ""): boolean {
  return (
    start >= prefix.length && text.startsWith(prefix, start - prefix.length) && text.startsWith(suffix, end)
  );
}

/**
 * Strict matching (Apache Annotator semantics): every place where exact
 * occurs with prefix and suffix directly around it, in document order,
 * overlaps included. An empty exact matches at every code-point boundary.
 * Returns UTF-16 spans.
 */
export function findAllExact(text: string, selector: TextQuoteSelector): Span[] {
  const { exact, prefix = "", suffix = "" } = selector;
  const out: Span[] = [];
  if (exact === "") {
    for (let i = 0; i <= text.length; i++) {
      if (i > 0 && isSurrogatePairAt(text, i - 1)) continue;
      if (hasExactContext(text, i, i, prefix, suffix)) out.push({ start: i, end: i });
    }
    return out;
  }
  for (const start of findOccurrences(text, exact)) {
    const end = start + exact.length;
    if (hasExactContext(text, start, end, prefix, suffix)) out.push({ start, end });
  }
  return out;
}

/** True when start..end overlaps one of the sorted, disjoint regions. */
export function overlapsAny(regions: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (regions[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  // An empty candidate counts when it sits inside a region.
  return lo < regions.length && regions[lo].start < Math.max(end, start + 1);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * How many ends of a candidate look wrong for a highlight: cutting through a
 * word, or starting/ending on whitespace when the quote does not. Among
 * equally scored fuzzy candidates this prefers whole words.
 */
function edgePenalty(text: string, start: number, end: number, quote: string): number {
  let penalty = 0;
  if (start > 0 && WORD_CHAR.test(text[start - 1]) && WORD_CHAR.test(text[start] ?? "")) penalty++;
  if (end < text.length && WORD_CHAR.test(text[end - 1] ?? "") && WORD_CHAR.test(text[end])) penalty++;
  if (/\s/.test(text[start] ?? "") && !/^\s/.test(quote)) penalty++;
  if (/\s/.test(text[end - 1] ?? "") && !/\s$/.test(quote)) penalty++;
  return penalty;
}

/**
 * Orders candidates best first: score, then whole-word edges, then length
 * closest to the quote's, then the earliest start. The tie-breaks only matter
 * between candidates the scorer cannot tell apart (same errors, no context),
 * e.g. "commodo vit" / "commodo vitae" for the quote "commodo cites".
 */
export function rankMatches(text: string, quote: string, matches: QuoteMatch[]): QuoteMatch[] {
  const key = (m: QuoteMatch) => ({
    edge: edgePenalty(text, m.start, m.end, quote),
    length: Math.abs(m.end - m.start - quote.length),
  });
  const keyed = matches.map((m) => ({ m, k: key(m) }));
  keyed.sort(
    (a, b) => b.m.score - a.m.score || a.k.edge - b.k.edge || a.k.length - b.k.length || a.m.start - b.m.start,
  );
  return keyed.map((x) => x.m);
}

/** Search windows: each region widened by the quote's length, merged. */
function searchWindows(textLength: number, regions: Span[], pad: number): Span[] {
  const windows: Span[] = [];
  for (const r of regions) {
    const w = { start: Math.max(0, r.start - pad), end: Math.min(textLength, r.end + pad) };
    const last = windows[windows.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else windows.push(w);
  }
  return windows;
}

function approxCandidates(text: string, quote: string, maxErrors: number, within?: Span[]) {
  if (!within) return search(text, quote, maxErrors);
  const found: Array<{ start: number; end: number; errors: number }> = [];
  for (const w of searchWindows(text.length, within, quote.length)) {
    for (const m of search(text.slice(w.start, w.end), quote, maxErrors)) {
      found.push({ start: m.start + w.start, end: m.end + w.start, errors: m.errors });
    }
  }
  return found;
}

/**
 * Best place for a quote that may contain errors (Hypothesis' matchQuote
 * semantics, our own scoring): exact occurrences if there are any, otherwise
 * approximate matches with the fewest edits, each scored on quote similarity,
 * prefix, suffix and nearness to context.hint. Returns the best candidate
 * whatever its score, or null when nothing lies within maxErrors. The caller
 * decides acceptance (see anchor()).
 */
export function matchQuote(
  text: string,
  quote: string,
  context: MatchContext = {},
  options: MatchQuoteOptions = {},
): QuoteMatch | null {
  if (quote === "" || text === "") return null;
  const { within } = options;
  const allowed = (s: number, e: number) => !within || overlapsAny(within, s, e);

  let raw = findOccurrences(text, quote)
    .map((start) => ({ start, end: start + quote.length, errors: 0 }))
    .filter((m) => allowed(m.start, m.end));
  if (raw.length === 0) {
    const maxErrors = options.maxErrors ?? Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY));
    raw = approxCandidates(text, quote, maxErrors, within).filter((m) => allowed(m.start, m.end));
  }
  if (raw.length === 0) return null;

  const scored = raw.map((m) => {
    const { score, parts } = scoreCandidate(text, m.start, m.end, 1 - m.errors / quote.length, context);
    return { ...m, score, parts };
  });
  return rankMatches(text, quote, scored)[0];
}
