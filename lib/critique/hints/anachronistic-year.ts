import { createPlaceFinder, makeHint } from "../text-tools";
import type { Hint, HintContext, HintEvidence } from "../types";
import { findPageArtifacts } from "./page-artifact";
import { findPeopleOutOfLife } from "./people-years";
import { bestSlip, findYearMentions, namedCenturies, shown, slipWords } from "./year-mentions";
import type { YearMention, YearSlip } from "./year-mentions";
import { findOutOfOrder, mentionEvidence } from "./year-run";

/** A year this far outside all the others (or more), with a slip back inside, is an outlier. */
const GLOBAL_MIN_GAP = 10;
/** …and at least this share of the others' own span, so wide-ranging essays are spared. */
const GLOBAL_GAP_SHARE_OF_SPAN = 0.5;
/** A year written this many times (or more) is one the essay turns on: a slip landing there needs no wide gap. */
const FOCUS_COUNT = 2;
/**
 * A latest (earliest) year with at least this share of the others after
 * (before) it in the text runs against the reading order: a flash-forward
 * comes at the end, background at the start.
 */
const AGAINST_ORDER_SHARE = 0.5;

/** Rounds of the two rules, each without the years the other found. */
const MAX_ROUNDS = 3;
/**
 * An essay with this few other dates (or fewer) says little about its period:
 * a slip may land up to a generation (GENERATION years) outside them.
 */
const FEW_DATES = 3;
const GENERATION = 25;

const CONFIDENCE = { onAnotherDate: 0.75, againstOrder: 0.6, period: 0.8, outsidePeriod: 0.45 } as const;

/**
 * Hints at a year that a slip of the pen put out of place, with the likely
 * year: a digit changed, two neighbouring digits swapped, or a digit doubled.
 * Three kinds of evidence, none of them word lists:
 *
 * - the years around it run in order and this one breaks the run, while a
 *   slip puts it back (1798 between 1788 and 1791 → 1789);
 * - it lies far outside every other year of the essay and a slip lands on a
 *   year the essay names (1851 beside 1814 and 1815 → 1815), or it stands
 *   against the reading order (a latest year among the first dates);
 * - the teacher's glossary: outside the period it covers, or a person acting
 *   after their death or before their birth (see people-years.ts).
 *
 * A far year with no slip back inside is left alone (a flash-forward, a
 * legacy, a birth), unless the glossary's period says otherwise.
 */
export function findAnachronisticYears(context: HintContext): Hint[] {
  const mentions = outsideChrome(context.segments.flatMap((segment) => findYearMentions(segment)), findPageArtifacts(context));
  // A slip's year is never the mention's own, so every year written anywhere counts as "named".
  const named = new Set(mentions.map((m) => m.value));
  const placeOf = createPlaceFinder(context.segments);
  const hints = new Map<YearMention, Hint>();
  // One hint per year: the most confident (the first on a tie), with the evidence of every rule that found it.
  const add = (m: YearMention, hint: Hint) => {
    const held = hints.get(m);
    const [kept, other] = !held || hint.confidence > held.confidence ? [hint, held] : [held, hint];
    const notes = new Set(kept.evidence.map((e) => e.note));
    hints.set(m, other ? { ...kept, evidence: [...kept.evidence, ...other.evidence.filter((e) => !notes.has(e.note))] } : kept);
  };
  // Each rule looks again without what the other found: a far slip ("1694" among 1954–1965) hides a near one beside it
  // ("1995" between 1954 and 1963) until it is set aside. A few rounds at most; each is linear.
  const centuries = namedCenturies(context.segments);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rest = mentions.filter((m) => !hints.has(m));
    for (const { mention, hint } of findOutOfOrder(context, rest, named, placeOf)) add(mention, hint);
    // The run rule repeats its own passes; another round is worth it only when the far-outlier rule found a new year.
    const before = hints.size;
    for (const { mention, hint } of findOutliers(context, mentions, new Set(hints.keys()), named, placeOf, centuries)) add(mention, hint);
    if (hints.size === before) break;
  }
  // A person acting after death says more than a year outside the period: it goes first and wins a tie.
  for (const { mention, hint } of findPeopleOutOfLife(context, mentions)) add(mention, hint);
  for (const { mention, hint } of findOutsidePeriod(context, mentions, named)) add(mention, hint);
  return [...hints.values()];
}

type Found = { mention: YearMention; hint: Hint };

/**
 * The earliest and latest year when far outside all the others and a slip
 * lands on a year the essay names, or when it runs against the reading
 * order with a slip back into the others' range.
 */
function findOutliers(
  context: HintContext,
  mentions: readonly YearMention[],
  flagged: ReadonlySet<YearMention>,
  named: ReadonlySet<number>,
  placeOf: (at: number) => string,
  centuries: ReadonlyArray<{ lo: number; hi: number }>,
): Found[] {
  const dated = mentions.filter((m) => !flagged.has(m));
  if (dated.length < 2) return [];
  const counts = new Map<number, number>();
  for (const m of dated) counts.set(m.value, (counts.get(m.value) ?? 0) + 1);
  const earliest = dated.reduce((a, b) => (b.lo < a.lo ? b : a));
  const latest = dated.reduce((a, b) => (b.hi > a.hi ? b : a));
  const found: Found[] = [];
  for (const m of new Set([earliest, latest])) {
    // A year written twice is meant, and so is a range ("1763–1783").
    if (counts.get(m.value) !== 1 || m.isRange) continue;
    const rest = dated.filter((o) => o !== m);
    const lo = rest.reduce((min, o) => Math.min(min, o.lo), Infinity);
    const hi = rest.reduce((max, o) => Math.max(max, o.hi), -Infinity);
    const isLater = m.lo > hi;
    const gap = isLater ? m.lo - hi : lo - m.hi;
    if (gap < GLOBAL_MIN_GAP) continue;
    // A swap or a doubled digit that lands on a year the essay names exactly ("1851" beside "1815"), unless the year's
    // own word points there; another changed digit lands on some named year too easily ("1526" and "1556").
    const isWherePointed = (isLater && m.points === "forward") || (!isLater && m.points === "back");
    // …and not on the other extreme: "1919" and "1991" in one essay are each the other's swap, and either may be right.
    const otherEnd = isLater ? lo : hi;
    const landing = isWherePointed ? null : bestSlip(m, (c) => c !== otherEnd && rest.some((o) => !o.decade && o.value === c), named);
    const isFar = gap >= (hi - lo) * GLOBAL_GAP_SHARE_OF_SPAN;
    // Far, too, or on a year the essay writes more than once: in a wide essay a swap lands on some year named once by
    // chance ("1526" and "1562" are both Mughal dates), while a year written again and again is the essay's focus.
    const isFocus = landing !== null && (counts.get(landing.year) ?? 0) >= FOCUS_COUNT;
    const onAnother = landing && landing.kind !== "digit" && (isFar || isFocus) ? landing : null;
    const againstOrder = isFar && !isWherePointed && rest.filter((o) => (isLater ? o.start > m.start : o.start < m.start)).length >= rest.length * AGAINST_ORDER_SHARE;
    // With few other dates their span is narrower than the period they stand for: a generation either side. With one
    // other date either of the two may be the slip, so only a century the essay names can tell which: the slip lands in
    // it, the written year does not.
    const inCentury = (year: number) => centuries.some((c) => year >= c.lo && year <= c.hi);
    const few = new Set(rest.map((o) => o.value)).size;
    const hasMargin = few <= FEW_DATES && (centuries.length > 0 ? !inCentury(m.value) : few >= 2);
    const margin = hasMargin ? GENERATION : 0;
    const fits = (c: number) => c >= lo - margin && c <= hi + margin && (centuries.length === 0 || !hasMargin || inCentury(c));
    // A swap or a doubled digit before another changed digit; each inside the others' own range before the margin.
    const isInside = (c: number) => c >= lo && c <= hi && fits(c);
    const specific = (slip: YearSlip | null) => (slip && slip.kind !== "digit" ? slip : null);
    const slip =
      onAnother ??
      (againstOrder
        ? (specific(bestSlip(m, isInside, named)) ?? specific(bestSlip(m, fits, named)) ?? bestSlip(m, isInside, named) ?? bestSlip(m, fits, named))
        : null);
    if (!slip) continue;
    const direction = isLater ? "after the latest" : "before the earliest";
    const evidence: HintEvidence[] = [
      { source: "text", note: `The essay's other ${rest.length === 1 ? "date is" : `${rest.length} dates run from`} ${lo === hi ? lo : `${lo} to ${hi}`}.` },
    ];
    const namedMention = onAnother ? rest.find((o) => o.value === slip.year) : undefined;
    if (namedMention) evidence.push(mentionEvidence(namedMention, `${slipWords(slip)[0].toUpperCase()}${slipWords(slip).slice(1)} gives a year the essay names`, placeOf));
    else evidence.push({ source: "rule", note: `It comes ${isLater ? "before most of the earlier" : "after most of the later"} dates in the text, against the reading order; ${slipWords(slip)} gives ${shown(m, slip.year)}.` });
    found.push({
      mention: m,
      hint: yearHint(context, m, {
        message: `${m.text} is ${gap} years ${direction} other date in the essay (${lo}–${hi}); a slip for ${shown(m, slip.year)}?`,
        suggestion: shown(m, slip.year),
        confidence: onAnother ? CONFIDENCE.onAnotherDate : CONFIDENCE.againstOrder,
        evidence,
      }),
    });
  }
  return found;
}

/** Years outside the period of the teacher's glossary; with a slip back inside, more surely. */
function findOutsidePeriod(context: HintContext, mentions: readonly YearMention[], named: ReadonlySet<number>): Found[] {
  const period = context.glossary.period;
  if (!period) return [];
  const found: Found[] = [];
  // Inside the period and, when the essay has other dates in it, inside their range: the likeliest year is near the rest.
  // A year outside the period is never among them, so the range is the same for all: computed once.
  const inside = mentions.filter((o) => o.hi >= period.start && o.lo <= period.end);
  const lo = inside.reduce((min, o) => Math.min(min, o.lo), Infinity);
  const hi = inside.reduce((max, o) => Math.max(max, o.hi), -Infinity);
  for (const m of mentions) {
    if (m.isRange || (m.hi >= period.start && m.lo <= period.end)) continue;
    const inPeriod = (c: number) => c >= period.start && c <= period.end;
    const slip = bestSlip(m, (c) => inPeriod(c) && c >= lo && c <= hi, named) ?? bestSlip(m, inPeriod, named);
    const range = `${period.start}–${period.end}`;
    found.push({
      mention: m,
      hint: yearHint(context, m, {
        message: slip
          ? `${m.text} lies outside the period this reading covers (${range}); a slip for ${shown(m, slip.year)}?`
          : `${m.text} lies outside the period this reading covers (${range}); check this date.`,
        suggestion: slip ? shown(m, slip.year) : undefined,
        confidence: slip ? CONFIDENCE.period : CONFIDENCE.outsidePeriod,
        evidence: [
          { source: "glossary", note: `The teacher’s glossary gives the period ${range}.` },
          ...(slip ? [{ source: "rule" as const, note: `${slipWords(slip)[0].toUpperCase()}${slipWords(slip).slice(1)} gives ${shown(m, slip.year)}, inside it.` }] : []),
        ],
      }),
    });
  }
  return found;
}

/** A year hint of the common shape. */
function yearHint(
  context: HintContext,
  m: YearMention,
  fields: { message: string; suggestion?: string; confidence: number; evidence: HintEvidence[] },
): Hint {
  return makeHint(context.text, { start: m.start, end: m.end, kind: "anachronistic-year", category: "date_number", ...fields });
}

/**
 * The mentions outside the page artifacts: a year in a byline ("Posted on
 * March 3, 2019") or a citation widget dates the website, not the events.
 * Both lists are in text order, so one sweep.
 */
function outsideChrome(mentions: readonly YearMention[], chrome: readonly Hint[]): YearMention[] {
  if (chrome.length === 0) return [...mentions];
  const spans = [...chrome].sort((a, b) => a.start - b.start);
  const out: YearMention[] = [];
  let k = 0;
  for (const m of mentions) {
    while (k < spans.length && spans[k].end <= m.start) k++;
    if (k < spans.length && spans[k].start < m.end) continue;
    out.push(m);
  }
  return out;
}
