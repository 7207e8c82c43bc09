import type { Segment } from "../types";

/** A four-digit year (or decade, "1930s") written in the essay. */
export interface YearMention {
  start: number;
  end: number;
  /** As written ("1998", "1930s", "1930’s"). */
  text: string;
  value: number;
  /** First and last year the mention covers: a decade covers ten. */
  lo: number;
  hi: number;
  decade: boolean;
  segment: Segment;
  /**
   * Which way the word before the year points: "since 1809" reaches back
   * from the story's present, "until 1991" forward. A year that lies where
   * its word points is where it belongs, whatever the years around it.
   */
  points: "back" | "forward" | null;
  /** True after "by" ("By 1914 they held almost all of Africa"): a state reached, which may jump ahead of the story. */
  isBy?: boolean;
  /** True for a span written as one ("1763–1783"): lo and hi are its ends, and it is never hinted itself. */
  isRange?: boolean;
}

// Years 1000–2099; not part of a longer number, a decimal, money or a percentage.
const YEAR = /(?<![\d.,$£€#])\b(1\d{3}|20\d{2})(['’]?s)?(?!\d|[.,]\d|\s*%)/g;
// A number followed by one of these counts things; it is not a date.
const QUANTITY_NOUN =
  /^\s+(?:people|men|women|troops|soldiers|prisoners|delegates|members|workers|peasants|households|deaths|dead|casualties|copies|pages|words|roubles|rubles|dollars|pounds|tons|tonnes|km|miles|kilometres|kilometers|metres|meters|feet)\b/i;

// "since 1809", "before the 1850s"; "until 1991", "after 1991", "till the 1990s". Read on at most 24 characters.
const BACK = /\b(?:since|before)\s+(?:(?:the|early|late)\s+)?$/i;
const FORWARD = /\b(?:until|till|after)\s+(?:(?:the|early|late)\s+)?$/i;
const BY = /\bby\s+(?:(?:the|early|late)\s+)?$/i;

/** Every year or decade written in one block, in order, citations left out. */
export function findYearMentions(segment: Segment): YearMention[] {
  const out: YearMention[] = [];
  for (const m of segment.text.matchAll(YEAR)) {
    const at = m.index ?? 0;
    const after = segment.text.slice(at + m[0].length, at + m[0].length + 24);
    if (!m[2] && QUANTITY_NOUN.test(after)) continue;
    const value = Number(m[1]);
    const decade = Boolean(m[2]) && value % 10 === 0;
    const before = segment.text.slice(Math.max(0, at - 24), at);
    out.push({
      start: segment.start + at,
      end: segment.start + at + m[0].length,
      text: m[0],
      value,
      lo: value,
      hi: decade ? value + 9 : value,
      decade,
      segment,
      points: BACK.test(before) ? "back" : FORWARD.test(before) ? "forward" : null,
      ...(BY.test(before) ? { isBy: true } : {}),
    });
  }
  // Citation years ("Pipes (2001)") date the historian, not the events.
  return joinRanges(withoutCitations(out));
}

// What may stand between the two ends of a span of years: a dash, or "to"; "and" after "between".
const RANGE_JOIN = /^\s?[-–—]\s?$|^\s+to\s+$/u;
const AND_JOIN = /^\s+and\s+$/u;
const BETWEEN = /\bbetween\s+$/iu;

/** "1763–1783", "1558 to 1603" or "between 1405 and 1433" as one mention covering both years, read from two mentions side by side. */
function joinRanges(mentions: readonly YearMention[]): YearMention[] {
  const out: YearMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const [m, next] = [mentions[i], mentions[i + 1]];
    const between = next && next.segment === m.segment ? m.segment.text.slice(m.end - m.segment.start, next.start - m.segment.start) : null;
    const isJoined = between !== null && between.length <= 6 && (RANGE_JOIN.test(between) || (AND_JOIN.test(between) && isAfterBetween(m)));
    if (next && !m.decade && !next.decade && isJoined && next.value > m.value) {
      out.push({ ...m, end: next.end, text: `${m.text}${between}${next.text}`, hi: next.hi, isRange: true });
      i++;
    } else {
      out.push(m);
    }
  }
  return out;
}

/** True when "between" stands right before the mention ("between 1405 and …"). */
function isAfterBetween(m: YearMention): boolean {
  const at = m.start - m.segment.start;
  return BETWEEN.test(m.segment.text.slice(Math.max(0, at - 12), at));
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

/** A year a slip of the pen could have turned into the written one. */
export interface YearSlip {
  year: number;
  /** Two neighbouring digits swapped (1798 for 1789), a digit doubled (1995 for 1955), or another digit changed. */
  kind: "swap" | "doubled" | "digit";
  /** The digits involved, for the explanation. */
  digits: string;
}

/**
 * Every year one slip away from the mention: each digit changed, each pair
 * of neighbours swapped. A changed digit that repeats its neighbour in the
 * written year is a doubled digit ("1995": the second 9 was a 5). Decades
 * stay decades; years stay in 1000–2099.
 */
export function slipsOf(m: YearMention): YearSlip[] {
  const digits = String(m.value);
  const out = new Map<number, YearSlip>();
  const add = (year: number, slip: Omit<YearSlip, "year">) => {
    if (year === m.value || year < 1000 || year > 2099 || (m.decade && year % 10 !== 0) || out.has(year)) return;
    out.set(year, { year, ...slip });
  };
  for (let i = 0; i < 3; i++) {
    if (digits[i] !== digits[i + 1]) add(Number(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)), { kind: "swap", digits: digits[i] + digits[i + 1] });
  }
  for (let i = 0; i < 4; i++) {
    const isDoubled = digits[i] === digits[i - 1] || digits[i] === digits[i + 1];
    for (let d = 0; d <= 9; d++) {
      add(Number(digits.slice(0, i) + d + digits.slice(i + 1)), { kind: isDoubled ? "doubled" : "digit", digits: `${d}${digits[i]}` });
    }
  }
  return [...out.values()];
}

/** "swapping 8 and 9", "the doubled 9 read as 5", "a 7 for the 3". */
export function slipWords(slip: YearSlip): string {
  if (slip.kind === "swap") return `swapping the ${slip.digits[0]} and the ${slip.digits[1]}`;
  const [meant, written] = [slip.digits[0], slip.digits[1]];
  return slip.kind === "doubled" ? `reading the doubled ${written} as ${meant}` : `reading the ${written} as ${meant}`;
}

/**
 * The likeliest intended year among the slips that `fits`: a swap before a
 * doubled digit before another changed digit (the commoner slips first),
 * then a year the essay names, then the smallest change of value.
 */
export function bestSlip(m: YearMention, fits: (year: number) => boolean, named: ReadonlySet<number>): YearSlip | null {
  const rank = { swap: 0, doubled: 1, digit: 2 } as const;
  const slips = slipsOf(m).filter((s) => fits(s.year));
  slips.sort(
    (a, b) =>
      rank[a.kind] - rank[b.kind] ||
      Number(named.has(b.year)) - Number(named.has(a.year)) ||
      Math.abs(a.year - m.value) - Math.abs(b.year - m.value) ||
      a.year - b.year,
  );
  return slips[0] ?? null;
}

/** A year as the essay would write it: a decade keeps its "s". */
export function shown(m: YearMention, year: number): string {
  return m.decade ? `${year}s` : String(year);
}


const ORDINALS = [
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
  "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
];
const CENTURY = /century/giu;
/** The ordinal just before "century", read on at most 24 characters back. */
const ORDINAL_BEFORE = /\b(?:(twenty[\s-]first|[a-z]+)|(\d{1,2})(?:st|nd|rd|th))[\s-]+$/iu;

/**
 * The centuries the essay names ("By the nineteenth century", "the 18th
 * century"), as year ranges (1801–1900): the period an essay with few dates
 * says it is about.
 */
export function namedCenturies(segments: readonly Segment[]): Array<{ lo: number; hi: number }> {
  const found = new Map<number, { lo: number; hi: number }>();
  for (const segment of segments) {
    // The word "century" first (a plain search), then the ordinal before it: a pattern starting at every word is dear.
    for (const c of segment.text.matchAll(CENTURY)) {
      const at = c.index ?? 0;
      const m = ORDINAL_BEFORE.exec(segment.text.slice(Math.max(0, at - 24), at));
      if (!m) continue;
      const word = m[1]?.toLowerCase().replace(/[\s-]/, " ");
      const n = m[2] ? Number(m[2]) : word === "twenty first" ? 21 : ORDINALS.indexOf(word ?? "") + 1;
      if (n >= 11 && n <= 21) found.set(n, { lo: (n - 1) * 100 + 1, hi: n * 100 });
    }
  }
  return [...found.values()];
}
