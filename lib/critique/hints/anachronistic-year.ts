import { makeHint } from "../text-tools";
import type { Hint, HintContext, Segment } from "../types";

/** A four-digit year (or decade, "1930s") written in the essay. */
interface YearMention {
  start: number;
  end: number;
  value: number;
  /** First and last year the mention covers: a decade covers ten. */
  lo: number;
  hi: number;
  decade: boolean;
  segment: Segment;
}

// Years 1000–2099; not part of a longer number, a decimal, money or a percentage.
const YEAR = /(?<![\d.,$£€#])\b(1\d{3}|20\d{2})(['’]?s)?(?!\d|[.,]\d|\s*%)/g;
// A number followed by one of these counts things; it is not a date.
const QUANTITY_NOUN =
  /^\s+(?:people|men|women|troops|soldiers|prisoners|delegates|members|workers|peasants|households|deaths|dead|casualties|copies|pages|words|roubles|rubles|dollars|pounds|tons|tonnes|km|miles|kilometres|kilometers|metres|meters|feet)\b/i;
// Words that make a far-off year deliberate: historiography, flash-forwards,
// comparisons with another era. A sentence containing one is left alone.
const DELIBERATE_CUE =
  /\b(?:historians?|historiography|scholars?|scholarship|published|wrote|written|books?|study|studies|memoirs?|archives?|edition|argued|argues|according|interviews?|research|revisionists?|debated?|eventually|ultimately|later|collapsed?|fall|fell|dissolution|dissolved|survived?|lasted|today|modern|present-day|century|centuries|ago|tradition|compared|echo(?:ed|es)?|recalled?|anniversary|like|as in|born|birth|died|death)\b/i;
// A year straight after one of these looks forward or back on purpose ("until 1991").
const DELIBERATE_PREPOSITION = /\b(?:by|until|till|since|after|before|circa|c\.)\s*$/i;

/** A cluster needs this many distinct other years before anything is "outside" it. */
const MIN_CLUSTER_YEARS = 3;
/** A year this many years past the cluster edge, with a one-digit slip back into it, looks like a typo. */
const TYPO_GAP_YEARS = 20;
/** …and the gap must also be at least this share of the cluster's own span, so wide-ranging essays are spared. */
const TYPO_GAP_SHARE_OF_SPAN = 0.5;
/** Without a typo explanation a year must be this far out (or twice the span) to be hinted at all. */
const GROSS_GAP_YEARS = 60;
/** Confidence when a one-digit slip lands inside the cluster: strong but not proof. */
const TYPO_CONFIDENCE = 0.75;
/** Confidence for a far-off year with no explanation: a prompt to check, nothing more. */
const GROSS_CONFIDENCE = 0.4;

/**
 * Hints at a year far outside the cluster of the essay's other years, such as
 * 1995 in a text about the 1920s–50s, suggesting a one-digit or transposed
 * correction that lands inside the cluster when there is one.
 */
export function findAnachronisticYears(context: HintContext): Hint[] {
  // Citation years ("Pipes (2001)") date the historian, not the events: they
  // neither form the cluster nor get hinted.
  const mentions = context.segments.flatMap((segment) => withoutCitations(findYearMentions(segment)));
  const counts = new Map<number, number>();
  for (const m of mentions) counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
  // A cluster of fewer than three other years is no cluster.
  if (counts.size - 1 < MIN_CLUSTER_YEARS) return [];
  // Only the earliest or the latest mention can lie outside all the others.
  const byStart = [...mentions].sort((a, b) => a.lo - b.lo || a.start - b.start);
  const byEnd = [...mentions].sort((a, b) => b.hi - a.hi || a.start - b.start);
  const extremes = [...new Set([byStart[0], byEnd[0]])];
  const hints: Hint[] = [];
  for (const m of extremes) {
    // A year written twice is deliberate.
    if (counts.get(m.value) !== 1) continue;
    const rest = mentions.filter((o) => o.value !== m.value);
    const lo = rest.reduce((min, o) => Math.min(min, o.lo), Infinity);
    const hi = rest.reduce((max, o) => Math.max(max, o.hi), -Infinity);
    const span = hi - lo;
    const gap = m.lo > hi ? m.lo - hi : lo - m.hi;
    if (gap <= 0 || isDeliberate(m)) continue;
    const range = `${lo}–${hi}`;
    const direction = m.lo > hi ? "after the latest" : "before the earliest";
    const fix = gap >= Math.max(TYPO_GAP_YEARS, span * TYPO_GAP_SHARE_OF_SPAN) ? typoFix(m, lo, hi, rest) : null;
    if (fix === null && gap < Math.max(GROSS_GAP_YEARS, span * 2)) continue;
    const shown = fix === null ? undefined : m.decade ? `${fix}s` : String(fix);
    hints.push(
      makeHint(context.text, {
        start: m.start,
        end: m.end,
        kind: "anachronistic-year",
        category: "date_number",
        message:
          `${m.value} is ${gap} years ${direction} other date in the essay (${range}); ` +
          (shown ? `a slip for ${shown}?` : "check this date."),
        suggestion: shown,
        confidence: shown ? TYPO_CONFIDENCE : GROSS_CONFIDENCE,
      }),
    );
  }
  return hints;
}

/** Every year or decade written in one block. */
function findYearMentions(segment: Segment): YearMention[] {
  const out: YearMention[] = [];
  for (const m of segment.text.matchAll(YEAR)) {
    const at = m.index ?? 0;
    const after = segment.text.slice(at + m[0].length);
    if (!m[2] && QUANTITY_NOUN.test(after)) continue;
    const value = Number(m[1]);
    const decade = Boolean(m[2]) && value % 10 === 0;
    out.push({
      start: segment.start + at,
      end: segment.start + at + m[0].length,
      value,
      lo: value,
      hi: decade ? value + 9 : value,
      decade,
      segment,
    });
  }
  return out;
}

/** True when the sentence around the year, or the word before it, says it is far off on purpose. */
function isDeliberate(m: YearMention): boolean {
  const { text } = m.segment;
  const at = m.start - m.segment.start;
  const before = text.slice(0, at);
  const sentenceStart = Math.max(before.lastIndexOf(". "), before.lastIndexOf("! "), before.lastIndexOf("? ")) + 1;
  const after = text.slice(at);
  const sentenceEnd = /[.!?](?:\s|$)/.exec(after);
  const sentence = text.slice(sentenceStart, at + (sentenceEnd ? sentenceEnd.index : after.length));
  return DELIBERATE_CUE.test(sentence) || DELIBERATE_PREPOSITION.test(before);
}

/** An author's name, then the year: "Service 1997", "Pipes, 2001". `,?\s*` is spelled so that it cannot trade spaces with the name. */
const AUTHOR_YEAR = /^\p{Lu}[\p{L}.'’ -]*(?:,\s*|[^\S ]\s*)?\d{4}/u;

/**
 * The mentions of one block that are not citations: inside a parenthesis that
 * names an author or holds only the year, "(Service 1997)", "(1997)". One
 * sweep over the block with the mentions in order, and one test per
 * parenthesis, so a block of thousands of years in one pair of brackets stays
 * linear (a search back and forth per year took seconds on 98 KB).
 */
function withoutCitations(mentions: readonly YearMention[]): YearMention[] {
  const out: YearMention[] = [];
  let scanned = 0;
  let lastOpen = -1;
  let lastClose = -1;
  let nextClose = -1;
  const authorParen = new Map<number, boolean>();
  for (const m of mentions) {
    const { text } = m.segment;
    const at = m.start - m.segment.start;
    for (; scanned <= at; scanned++) {
      if (text[scanned] === "(") lastOpen = scanned;
      else if (text[scanned] === ")") lastClose = scanned;
    }
    // No ")" ahead is remembered as text.length, so it is searched for once, not once per year.
    if (nextClose < at) {
      const close = text.indexOf(")", at);
      nextClose = close < 0 ? text.length : close;
    }
    const inParen = lastOpen >= 0 && lastClose < lastOpen && nextClose < text.length;
    if (!inParen) {
      out.push(m);
      continue;
    }
    const onlyYear = isBlank(text, lastOpen + 1, at) && isBlank(text, m.end - m.segment.start, nextClose);
    if (!authorParen.has(lastOpen)) authorParen.set(lastOpen, AUTHOR_YEAR.test(text.slice(lastOpen + 1, nextClose)));
    if (!onlyYear && !authorParen.get(lastOpen)) out.push(m);
  }
  return out;
}

/** True when text[from, to) is all whitespace; gives up at the first other character. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(text[i])) return false;
  return true;
}

/**
 * The likeliest intended year: one digit changed or two neighbours swapped,
 * landing inside [lo, hi]. Prefers the smallest change of value, then the
 * candidate nearest the cluster's median. Null when no slip explains it.
 */
function typoFix(m: YearMention, lo: number, hi: number, rest: readonly YearMention[]): number | null {
  const digits = String(m.value);
  const candidates = new Set<number>();
  for (let i = 0; i < 4; i++) {
    for (let d = 0; d <= 9; d++) candidates.add(Number(digits.slice(0, i) + d + digits.slice(i + 1)));
    if (i < 3) candidates.add(Number(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)));
  }
  const sorted = rest.map((o) => o.value).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const fits = [...candidates].filter(
    (c) => c !== m.value && c >= 1000 && c >= lo && c <= hi && (!m.decade || c % 10 === 0),
  );
  fits.sort((a, b) => Math.abs(a - m.value) - Math.abs(b - m.value) || Math.abs(a - median) - Math.abs(b - median) || a - b);
  return fits[0] ?? null;
}
