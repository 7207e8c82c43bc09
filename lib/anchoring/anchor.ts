import {
  MIN_FUZZY_QUOTE_LENGTH,
  MIN_FUZZY_SCORE,
  MIN_QUOTE_SIMILARITY,
  findOccurrences,
  hasExactContext,
  matchQuote,
  overlapsAny,
  rankMatches,
} from "./match-quote";
import type { QuoteMatch } from "./match-quote";
import { createTextIndex, indexToCodePoint, indexToUtf16 } from "./offsets";
import type { OffsetIndex } from "./offsets";
import { scoreCandidate } from "./score";
import type { Anchored, AnchorMethod, Span, TextPositionSelector, TextQuoteSelector, TextSelector } from "./types";

export interface AnchorOptions {
  /** The text's offset index; pass one when anchoring many annotations. */
  index?: OffsetIndex;
  /**
   * Expected UTF-16 start, overriding the one derived from the position
   * selector (e.g. where a diff says the passage went).
   */
  hint?: number;
  /** Only places overlapping one of these sorted UTF-16 ranges count. */
  within?: Span[];
}

function isPosition(s: TextSelector): s is TextPositionSelector {
  return s.type === "TextPositionSelector";
}

function isQuote(s: TextSelector): s is TextQuoteSelector {
  return s.type === "TextQuoteSelector";
}

/** An Anchored for text.slice(start, end) of the indexed text (UTF-16 offsets in). */
export function createAnchored(
  index: OffsetIndex,
  start: number,
  end: number,
  method: AnchorMethod,
  score: number,
): Anchored {
  return {
    start,
    end,
    startCp: indexToCodePoint(index, start),
    endCp: indexToCodePoint(index, end),
    exact: index.text.slice(start, end),
    method,
    score,
  };
}

/** The position selector converted to UTF-16, or null when it does not fit the text. */
function positionSpan(index: OffsetIndex, p: TextPositionSelector | undefined): Span | null {
  if (!p || !Number.isInteger(p.start) || !Number.isInteger(p.end)) return null;
  if (p.start < 0 || p.end < p.start || p.end > index.cpLength) return null;
  return { start: indexToUtf16(index, p.start), end: indexToUtf16(index, p.end) };
}

/**
 * Among several exact occurrences: those whose stored prefix/suffix match
 * exactly win outright; otherwise (or to split several strict ones) context
 * similarity and nearness to the hint decide.
 */
function pickOccurrence(text: string, quote: TextQuoteSelector, starts: number[], hint?: number): number {
  const len = quote.exact.length;
  const strict = starts.filter((s) => hasExactContext(text, s, s + len, quote.prefix, quote.suffix));
  if (strict.length === 1) return strict[0];
  const pool = strict.length > 1 ? strict : starts;
  const context = { prefix: quote.prefix, suffix: quote.suffix, hint };
  const scored: QuoteMatch[] = pool.map((start) => ({
    start,
    end: start + len,
    errors: 0,
    ...scoreCandidate(text, start, start + len, 1, context),
  }));
  return rankMatches(text, quote.exact, scored)[0].start;
}

/** How far from the hint the fast path looks, in UTF-16 units. */
const NEAR_WINDOW = 4096;

/**
 * Fast path for the common case of text shifted by edits elsewhere: the
 * occurrence nearest the hint whose prefix and suffix match exactly, looked
 * for only within NEAR_WINDOW of it. The full search would choose the same
 * one (strict context wins, then nearness), but this avoids scanning the whole
 * text for every annotation. Null when there is none nearby.
 */
function nearestStrictMatch(
  text: string,
  quote: TextQuoteSelector,
  hint: number,
  allowed: (s: Span) => boolean,
): number | null {
  const len = quote.exact.length;
  const from = Math.max(0, Math.min(hint, text.length) - NEAR_WINDOW);
  const window = text.slice(from, Math.min(text.length, hint + NEAR_WINDOW + len));
  let best: number | null = null;
  for (const offset of findOccurrences(window, quote.exact)) {
    const start = from + offset;
    if (!hasExactContext(text, start, start + len, quote.prefix, quote.suffix)) continue;
    if (!allowed({ start, end: start + len })) continue;
    if (best === null || Math.abs(start - hint) < Math.abs(best - hint)) best = start;
  }
  return best;
}

/**
 * Finds where a stored annotation belongs in `text`. Tries, in order:
 * 1. the stored TextPositionSelector (code points), if the text there still
 *    equals the quote, or alone when there is no quote selector;
 * 2. an exact occurrence of the quote; prefix, suffix and the old position
 *    choose among repeats, and a single occurrence is taken whatever its context;
 * 3. a fuzzy match (approx-string-match), accepted only above the thresholds
 *    documented in ./match-quote (MIN_QUOTE_SIMILARITY, MIN_FUZZY_SCORE,
 *    MIN_FUZZY_QUOTE_LENGTH).
 * Returns null (an orphan) when none applies. An empty quote never matches.
 */
export function anchor(text: string, selectors: TextSelector[], options: AnchorOptions = {}): Anchored | null {
  const index = options.index ?? createTextIndex(text);
  const quote = selectors.find(isQuote);
  const position = selectors.find(isPosition);
  const allowed = (s: Span) => !options.within || overlapsAny(options.within, s.start, s.end);

  const stored = positionSpan(index, position);
  if (stored && allowed(stored) && (!quote || text.slice(stored.start, stored.end) === quote.exact)) {
    return createAnchored(index, stored.start, stored.end, "position", 1);
  }
  if (!quote || quote.exact === "") return null;

  // A stale position still says roughly where to look, even past the end.
  const hint =
    options.hint ?? (position && Number.isFinite(position.start) ? indexToUtf16(index, position.start) : undefined);

  const len = quote.exact.length;
  if (hint !== undefined) {
    const near = nearestStrictMatch(text, quote, hint, allowed);
    if (near !== null) return createAnchored(index, near, near + len, "quote", 1);
  }
  const starts = findOccurrences(text, quote.exact).filter((s) => allowed({ start: s, end: s + len }));
  if (starts.length > 0) {
    const start = starts.length === 1 ? starts[0] : pickOccurrence(text, quote, starts, hint);
    return createAnchored(index, start, start + len, "quote", 1);
  }

  if (len < MIN_FUZZY_QUOTE_LENGTH) return null;
  const best = matchQuote(
    text,
    quote.exact,
    { prefix: quote.prefix, suffix: quote.suffix, hint },
    { within: options.within },
  );
  if (!best || best.parts.quote < MIN_QUOTE_SIMILARITY || best.score < MIN_FUZZY_SCORE) return null;
  return createAnchored(index, best.start, best.end, "fuzzy", best.score);
}
