import { quoted } from "../text-tools";
import type { Hint, HintContext, HintEvidence } from "../types";
import { bestSlip, shown, slipWords } from "./year-mentions";
import type { YearMention, YearSlip } from "./year-mentions";

/** How many dated mentions on each side make up a year's neighbours. */
const NEIGHBOURS = 3;
/** A year this far out of its neighbours' run (or more) breaks the order; closer, it is a normal aside. */
const MIN_GAP = 5;
/**
 * …and this far before a decade ("by the 1950s … in 1945"): a decade sums up, and the years that led to it
 * come before it. After a decade's last year the ordinary gap holds ("the late 1980s … 1998 … 1990").
 */
const MIN_GAP_FROM_DECADE = 10;
/** A changed digit (not a swap or a doubled one) must put the year at least this far out of the run… */
const DIGIT_GAP = 10;
/**
 * …and the run must be this narrow: a changed tens digit steps by ten, so in a
 * wide run some changed digit always lands inside, and that is no evidence.
 * A swap or a doubled digit lands on one or two years only, so it needs no such bound.
 */
const DIGIT_MAX_WIDTH = 25;
/**
 * A neighbour may fall this far behind the run of the ones before it and
 * still belong to it ("1351 … 1348"); further, the neighbourhood is not in
 * order and says nothing about where a year belongs. A slip may also land this
 * far outside the run, when the written year lies much further out.
 */
const TOLERANCE = 5;
/** A slip landing outside the run (within TOLERANCE) needs the written year this many times further out. */
const OUTSIDE_FACTOR = 4;
/** A date this far (or more) outside the run beside it is background, not part of the story's run. */
const BACKGROUND = 25;
/** Passes at most: each finds the slips that a stronger one beside them held back. */
const MAX_PASSES = 4;

const CONFIDENCE = 0.75;

type Found = { mention: YearMention; hint: Hint };

/** A year that breaks its run, with the slip that mends it and how strongly it does. */
interface Candidate {
  at: number;
  lo: number;
  hi: number;
  gap: number;
  slip: YearSlip;
  /** Swaps and doubled digits (2) before other changed digits (1); then the gap decides. */
  strength: number;
  before: readonly YearMention[];
  after: readonly YearMention[];
}

/**
 * Years that break the order of the years around them, with a slip that puts
 * them back: "1654" between 1562 and 1605 is 1564 with two digits swapped.
 * The neighbours (three dated mentions each side, not counting years whose own
 * word places them, "since 1614") must run in order, or they say nothing about
 * where a year belongs; a swap or a doubled digit must land inside their run,
 * another changed digit inside a narrow run and further out.
 *
 * Two slips side by side make each other's neighbourhoods look wrong: in each
 * pass only the strongest candidate among neighbours is taken, and the next
 * pass looks again without it ("1654" wins over the correct "1605" beside it,
 * which then fits). Each pass is linear in the mentions but for sorting the
 * candidates; a handful of passes is enough.
 */
export function findOutOfOrder(
  context: HintContext,
  mentions: readonly YearMention[],
  named: ReadonlySet<number>,
  placeOf: (at: number) => string,
): Found[] {
  const flagged = new Map<YearMention, Found>();
  const story = mentions.filter((m) => m.points === null);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const dated = story.filter((m) => !flagged.has(m));
    const beyond = beyondTheRest(dated, story);
    const candidates: Candidate[] = [];
    for (let i = 0; i < dated.length; i++) {
      const candidate = candidateAt(dated, i, named, beyond[i]) ?? edgeCandidate(dated, i, named);
      if (candidate) candidates.push(candidate);
    }
    if (candidates.length === 0) break;
    candidates.sort((a, b) => b.strength - a.strength || b.gap - a.gap || a.at - b.at);
    // Only the strongest among neighbours is taken in one pass; the others are judged again without it.
    const blocked = new Uint8Array(dated.length);
    for (const c of candidates) {
      if (blocked[c.at]) continue;
      blocked.fill(1, Math.max(0, c.at - NEIGHBOURS), c.at + NEIGHBOURS + 1);
      flagged.set(dated[c.at], { mention: dated[c.at], hint: runHint(context, dated, c, placeOf) });
    }
  }
  return [...flagged.values()];
}

/** The candidate at dated[i] when it breaks the run of the dates around it, else null. */
function candidateAt(dated: readonly YearMention[], i: number, named: ReadonlySet<number>, isBeyond: boolean): Candidate | null {
  const m = dated[i];
  if (m.isRange) return null;
  const around = neighbourhood(dated, i, named);
  if (!around) return null;
  const { before, after, lo, hi } = around;
  const [prev, next] = [before[before.length - 1], after[0]];
  // It must stick out of its two nearest dates, not merely of the run: "1995, 1996, 2001" after "1948" is a run of its own.
  const isAbove = m.lo > prev.hi && m.lo > next.hi;
  const isBelow = m.hi < prev.lo && m.hi < next.lo;
  if (!isAbove && !isBelow) return null;
  const gapTo = (o: YearMention) => (isAbove ? m.lo - o.hi : o.lo - m.hi);
  if ([prev, next].some((o) => gapTo(o) < (o.decade && isBelow ? MIN_GAP_FROM_DECADE : MIN_GAP))) return null;
  const gap = isAbove ? m.lo - hi : lo - m.hi;
  if (gap < MIN_GAP) return null;
  const outside = (year: number) => (year < lo ? lo - year : year > hi ? year - hi : 0);
  const isSpecific = (s: YearSlip) => s.kind !== "digit";
  const inside = bestSlip(m, (c) => outside(c) === 0, named);
  let slip: YearSlip | null = null;
  if (inside && isSpecific(inside)) slip = inside;
  else if (inside && (gap >= DIGIT_GAP || isBeyond) && hi - lo <= DIGIT_MAX_WIDTH) slip = inside;
  else {
    // A swap or a doubled digit just outside the run, when the written year is much further out: "1883" for 1833 after 1830.
    const near = bestSlip(m, (c) => outside(c) <= TOLERANCE, named);
    if (near && isSpecific(near) && gap >= OUTSIDE_FACTOR * outside(near.year) && gap >= DIGIT_GAP) slip = near;
  }
  if (!slip) return null;
  return { at: i, lo, hi, gap, slip, strength: isSpecific(slip) ? 2 : 1, before, after };
}

/**
 * For each dated mention: true when it is written once in the story and lies
 * above every later date (at least NEIGHBOURS of them) or below every earlier
 * one. Such a year runs against the whole rest of the reading order, so a
 * changed digit that puts it back needs no wide gap ("1964" before 1956, 1957,
 * 1958, 1961 and 1962: 1954). Two sweeps.
 */
function beyondTheRest(dated: readonly YearMention[], story: readonly YearMention[]): boolean[] {
  const counts = new Map<number, number>();
  for (const m of story) counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
  const out = dated.map(() => false);
  let laterMax = -Infinity;
  for (let i = dated.length - 1; i >= 0; i--) {
    const isOnce = counts.get(dated[i].value) === 1 && !dated[i].isRange && !dated[i].decade;
    if (isOnce && dated.length - 1 - i >= NEIGHBOURS && dated[i].lo > laterMax) out[i] = true;
    laterMax = Math.max(laterMax, dated[i].hi);
  }
  let earlierMin = Infinity;
  for (let i = 0; i < dated.length; i++) {
    const isOnce = counts.get(dated[i].value) === 1 && !dated[i].isRange && !dated[i].decade;
    if (isOnce && i >= NEIGHBOURS && dated[i].hi < earlierMin) out[i] = true;
    earlierMin = Math.min(earlierMin, dated[i].lo);
  }
  return out;
}

/**
 * The first (last) date of the story, when the dates after (before) it run in
 * order and it lies above (below) all of them, and a swap or a doubled digit
 * puts it just before (after) their run: "In September 1854" opening a story
 * of 1846, 1847, 1847 is 1845. A later year that opens an essay is common, so
 * only the specific slips count, and only onto the edge of the run.
 */
function edgeCandidate(dated: readonly YearMention[], i: number, named: ReadonlySet<number>): Candidate | null {
  const m = dated[i];
  const isFirst = i === 0;
  if (m.isRange || m.decade || (!isFirst && i !== dated.length - 1)) return null;
  // One background date next to it, a generation or more outside the run, is passed over ("since the Act of Union of 1801").
  const near = isFirst ? dated.slice(1, 2 + NEIGHBOURS) : dated.slice(Math.max(0, i - NEIGHBOURS - 1), i).reverse();
  if (near.length > 1 && (isFirst ? near[0].hi + BACKGROUND < near[1].lo : near[0].lo - BACKGROUND > near[1].hi)) near.shift();
  const run = isFirst ? near.slice(0, NEIGHBOURS) : near.slice(0, NEIGHBOURS).reverse();
  if (run.length < NEIGHBOURS || !isInOrder(run) || run.some((o) => o.isRange || o.decade)) return null;
  const edge = isFirst ? run[0].lo : run[run.length - 1].hi;
  const gap = isFirst ? m.lo - Math.max(...run.map((o) => o.hi)) : Math.min(...run.map((o) => o.lo)) - m.hi;
  if (gap < MIN_GAP || Math.abs(m.value - edge) < MIN_GAP) return null;
  const slip = bestSlip(m, (c) => (isFirst ? c <= edge && c >= edge - TOLERANCE : c >= edge && c <= edge + TOLERANCE), named);
  if (!slip || slip.kind === "digit") return null;
  return { at: i, lo: edge, hi: edge, gap, slip, strength: 2, before: isFirst ? [] : run, after: isFirst ? run : [] };
}

/** The neighbours of dated[i] that tell a story in order, and the run they leave for it (lo–hi). */
interface Neighbourhood {
  before: YearMention[];
  after: YearMention[];
  lo: number;
  hi: number;
}

/**
 * The neighbours of dated[i] (NEIGHBOURS each side), when they run in order.
 * When they do only without one of them, that one is left out: two slips
 * side by side ("1755 … 1770 … 1743") each spoil the other's neighbourhood,
 * and the stronger is found first this way. Only with a full set of
 * neighbours that are out of order, never more than one left out, and only
 * one that a slip of its own puts back (isSlipBetween): at least two dates
 * stay on each side and must run in order. Constant work per mention.
 */
function neighbourhood(dated: readonly YearMention[], i: number, named: ReadonlySet<number>): Neighbourhood | null {
  const first = Math.max(0, i - NEIGHBOURS);
  const before = dated.slice(first, i);
  const after = dated.slice(i + 1, i + 1 + NEIGHBOURS);
  if (isInOrder([...before, ...after])) return runOf(before, after);
  const isFull = before.length + after.length >= 2 * NEIGHBOURS;
  for (let k = 0; k < before.length + after.length; k++) {
    const at = k < before.length ? first + k : i + 1 + (k - before.length);
    // From a full set, only a neighbour that a slip of its own puts back may be left out. A short set (near the start or
    // the end of the essay) would otherwise say nothing: there a "by" year, which may sum up ahead of the story ("By 1914
    // they held almost all of it"), may be left out too.
    if (!isFull && !dated[at].isBy) continue;
    const run = k < before.length ? runOf(before.toSpliced(k, 1), after) : runOf(before, after.toSpliced(k - before.length, 1));
    // The look for a slip of the neighbour's own is the dearer test: only for a neighbour whose absence restores the order.
    if (run && ((!isFull && dated[at].isBy) || isSlipBetween(dated, at, i, named))) return run;
  }
  return null;
}

/**
 * True when dated[at] is itself a likely slip: a swap or a doubled digit puts
 * it between the dates on either side of it (not counting dated[skip], the
 * year being judged). Only such a neighbour may be left out.
 */
function isSlipBetween(dated: readonly YearMention[], at: number, skip: number, named: ReadonlySet<number>): boolean {
  const m = dated[at];
  const prev = dated[at - 1 === skip ? at - 2 : at - 1];
  const next = dated[at + 1 === skip ? at + 2 : at + 1];
  if (!prev || !next || m.isRange || prev.lo > next.hi) return false;
  const slip = bestSlip(m, (c) => c >= prev.lo && c <= next.hi, named);
  return slip !== null && slip.kind !== "digit";
}

/** The run of the given neighbours, when they run in order and leave room for a year between them. */
function runOf(before: YearMention[], after: YearMention[]): Neighbourhood | null {
  if (before.length === 0 || after.length === 0) return null;
  const lo = Math.max(...before.map((o) => o.lo));
  const hi = Math.min(...after.map((o) => o.hi));
  return lo <= hi && isInOrder([...before, ...after]) ? { before, after, lo, hi } : null;
}

/** True when each mention is at most TOLERANCE behind the latest before it: the neighbours tell a story in order. */
function isInOrder(neighbours: readonly YearMention[]): boolean {
  let latest = -Infinity;
  for (const o of neighbours) {
    if (o.hi < latest - TOLERANCE) return false;
    // A span or a decade counts from its start: "the 1950s" then "1945" is a summary, then a detail.
    latest = Math.max(latest, o.isRange || o.decade ? o.lo : o.hi);
  }
  return true;
}

/** The hint for a candidate, with the run around it as evidence. */
function runHint(context: HintContext, dated: readonly YearMention[], c: Candidate, placeOf: (at: number) => string): Hint {
  const m = dated[c.at];
  const { before, after } = c;
  const evidence: HintEvidence[] = [
    ...before.map((o) => mentionEvidence(o, "Before it", placeOf)),
    ...after.map((o) => mentionEvidence(o, "After it", placeOf)),
    { source: "rule", note: `${m.text} breaks that run by ${c.gap} years; ${slipWords(c.slip)} gives ${shown(m, c.slip.year)}, which fits.` },
  ];
  return {
    start: m.start,
    end: m.end,
    exact: context.text.slice(m.start, m.end),
    kind: "anachronistic-year",
    category: "date_number",
    message: `${m.text} breaks the run of the years around it (${c.lo}–${c.hi}); a slip for ${shown(m, c.slip.year)}?`,
    suggestion: shown(m, c.slip.year),
    confidence: CONFIDENCE,
    evidence,
  };
}

/** Evidence pointing at another dated mention. */
export function mentionEvidence(o: YearMention, lead: string, placeOf: (at: number) => string): HintEvidence {
  const sentence = o.segment.text.slice(Math.max(0, o.start - o.segment.start - 30), o.end - o.segment.start + 10);
  return { source: "text", note: `${lead}: ${o.text} (${placeOf(o.start)}), ${quoted(sentence)}.`, span: { start: o.start, end: o.end } };
}
