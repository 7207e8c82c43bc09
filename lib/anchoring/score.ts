/**
 * How much a candidate place in the text looks like the annotated passage.
 * Every part is a similarity in 0..1; a part the selector has no data for
 * (no prefix stored, no position hint) is left out of the average rather than
 * counted as a perfect match, so a bare quote is judged on the quote alone.
 */

/*
 * Weights. The quote is the annotation itself, so it dominates. Prefix and
 * suffix each weigh less than half of it: they tell repeats apart and back up
 * a quote that was slightly edited, but they cannot carry a place whose quote
 * is gone. The position hint only breaks ties: after an edit old offsets are
 * off by the length of everything inserted before, so nearness is weak evidence.
 */
export const QUOTE_WEIGHT = 1;
export const PREFIX_WEIGHT = 0.4;
export const SUFFIX_WEIGHT = 0.4;
export const POSITION_WEIGHT = 0.05;

/** Slack beyond the context's own length when looking for it next to a match. */
const CONTEXT_SLACK = 8;

export interface ScoreParts {
  /** 1 - edit errors / quote length. */
  quote: number;
  prefix?: number;
  suffix?: number;
  /** 1 at the hinted offset, falling linearly to 0 a text-length away. */
  position?: number;
}

/** Weighted mean of the parts that are present, in 0..1. */
export function scoreMatch(parts: ScoreParts): number {
  let sum = QUOTE_WEIGHT * parts.quote;
  let weight = QUOTE_WEIGHT;
  if (parts.prefix !== undefined) {
    sum += PREFIX_WEIGHT * parts.prefix;
    weight += PREFIX_WEIGHT;
  }
  if (parts.suffix !== undefined) {
    sum += SUFFIX_WEIGHT * parts.suffix;
    weight += SUFFIX_WEIGHT;
  }
  if (parts.position !== undefined) {
    sum += POSITION_WEIGHT * parts.position;
    weight += POSITION_WEIGHT;
  }
  return sum / weight;
}

/** What a quote selector says about a place besides the quote itself. */
export interface MatchContext {
  prefix?: string;
  suffix?: string;
  /** Expected UTF-16 start, e.g. the old TextPositionSelector. */
  hint?: number;
}

/**
 * Edit distance between `pattern` and the best-fitting END of `text`: the
 * pattern must finish exactly where text finishes, but may start anywhere.
 * That is the right question for a prefix, which must touch the quote but may
 * have had words inserted or removed further out. O(|pattern|·|text|), both
 * about 40 characters here.
 */
function errorsAgainstEnd(pattern: string, text: string): number {
  const m = pattern.length;
  let prev = new Array<number>(m + 1);
  let row = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= text.length; i++) {
    // Skipping text before the pattern starts is free.
    row[0] = 0;
    const c = text.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (pattern.charCodeAt(j - 1) === c ? 0 : 1);
      row[j] = Math.min(sub, prev[j] + 1, row[j - 1] + 1);
    }
    [prev, row] = [row, prev];
  }
  return prev[m];
}

function reverse(s: string): string {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Similarity of a stored prefix to the text just before `start`. */
function prefixSimilarity(text: string, start: number, prefix: string): number {
  const window = text.slice(Math.max(0, start - prefix.length - CONTEXT_SLACK), start);
  const errors = errorsAgainstEnd(prefix, window);
  return Math.max(0, 1 - errors / prefix.length);
}

/** Similarity of a stored suffix to the text just after `end`. */
function suffixSimilarity(text: string, end: number, suffix: string): number {
  const window = text.slice(end, end + suffix.length + CONTEXT_SLACK);
  const errors = errorsAgainstEnd(reverse(suffix), reverse(window));
  return Math.max(0, 1 - errors / suffix.length);
}

/**
 * Scores one candidate place. `quoteSimilarity` comes from the caller (1 for
 * an exact occurrence). An empty prefix or suffix carries no information, so
 * it is treated like a missing one.
 */
export function scoreCandidate(
  text: string,
  start: number,
  end: number,
  quoteSimilarity: number,
  context: MatchContext,
): { score: number; parts: ScoreParts } {
  const parts: ScoreParts = { quote: quoteSimilarity };
  if (context.prefix) parts.prefix = prefixSimilarity(text, start, context.prefix);
  if (context.suffix) parts.suffix = suffixSimilarity(text, end, context.suffix);
  if (context.hint !== undefined && Number.isFinite(context.hint)) {
    parts.position = 1 - Math.min(1, Math.abs(start - context.hint) / Math.max(text.length, 1));
  }
  return { score: scoreMatch(parts), parts };
}
