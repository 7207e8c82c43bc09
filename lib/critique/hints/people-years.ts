import type { GlossaryPerson } from "../../validation/glossary";
import { makeHint, quoted, tokenize } from "../text-tools";
import type { WordToken } from "../text-tools";
import type { Hint, HintContext, Segment } from "../types";
import { findStatedDeaths } from "./stated-deaths";
import type { StatedPerson } from "./stated-deaths";
import { bestSlip, shown, slipWords } from "./year-mentions";
import type { YearMention } from "./year-mentions";

/**
 * Past-tense verbs without "-ed" that say a person did something. Verbs of
 * dying and auxiliaries are not here ("Stalin died", "Stalin had been dead
 * three years by 1956" are not a dead man acting); "-ed" verbs other than
 * "died" count by their ending. General English, not any one text's verbs.
 */
const IRREGULAR_ACTS = new Set([
  "said", "made", "gave", "took", "led", "sent", "wrote", "met", "went", "came", "began", "fought", "won", "lost",
  "held", "told", "left", "spoke", "became", "chose", "drove", "broke", "bought", "sold", "brought", "built",
  "struck", "swore", "threw", "overthrew", "rose", "ran", "stood", "saw", "knew", "thought", "taught", "forbade",
  "undertook", "withdrew", "sought", "set", "put", "cut", "let", "read", "split", "sat", "fled", "flew", "paid",
  "laid", "meant", "dealt", "felt", "heard", "kept", "slew", "beat", "bore", "forgave", "got", "hid",
  "rode", "shook", "shot", "sang", "sank", "swept", "wept", "wore", "woke",
]);
const NOT_ACTS = new Set(["died", "passed", "perished", "buried", "mourned", "remembered", "honoured", "honored", "commemorated", "celebrated", "named", "nicknamed", "called", "born", "aged", "ed"]);
/** Words that may stand between a name and its verb: "Stalin then ordered", "Napoleon himself led". */
const BETWEEN = new Set(["then", "also", "still", "finally", "quickly", "soon", "later", "once", "again", "himself", "herself", "immediately", "personally", "suddenly", "never", "only"]);

type Found = { mention: YearMention; hint: Hint };

/**
 * Years at which a person of the teacher's glossary acts outside their life:
 * the person is named as the one doing something (a past-tense verb after
 * the name, not a possessive) in a sentence dated after their death or
 * before their birth, "In 1956 Stalin answered by…" when Stalin died in 1953.
 */
export function findPeopleOutOfLife(context: HintContext, mentions: readonly YearMention[]): Found[] {
  const fromGlossary = context.glossary.people.filter((p) => p.born !== undefined || p.died !== undefined);
  // The essay's own "X died in 1863" counts too, unless the glossary already names that person.
  const glossaryNames = namesOf(fromGlossary);
  const stated = mentions.length === 0 ? [] : findStatedDeaths(context.segments).filter((p) => !p.name.split(/\s+/).some((part) => glossaryNames.has(part)));
  const people: Array<GlossaryPerson | StatedPerson> = [...fromGlossary, ...stated];
  if (people.length === 0 || mentions.length === 0) return [];
  const byName = namesOf(people);
  const named = new Set(mentions.map((m) => m.value));
  const found: Found[] = [];
  const seen = new Set<YearMention>();
  const bySegment = new Map<Segment, YearMention[]>();
  for (const m of mentions) {
    const list = bySegment.get(m.segment);
    if (list) list.push(m);
    else bySegment.set(m.segment, [m]);
  }
  for (const [segment, inSegment] of bySegment) {
    const words = tokenize(segment);
    // Found only when a person is named here: most blocks name nobody.
    let ends: number[] | null = null;
    // Each sentence is checked once per person: a sentence naming Stalin a thousand times holds its years once.
    const checked = new Set<string>();
    words.forEach((w, i) => {
      const person = byName.get(w.raw);
      if (!person || isPossessive(context.text, w) || !actsNext(words, i)) return;
      ends ??= sentenceEnds(segment);
      const [from, to] = sentenceAround(segment, ends, w.start - segment.start);
      const key = `${from}:${person.name}`;
      if (checked.has(key)) return;
      checked.add(key);
      // Mentions are in text order: start at the first one in the sentence, stop past it.
      for (let k = firstAtOrAfter(inSegment, from); k < inSegment.length && inSegment[k].end <= to; k++) {
        const m = inSegment[k];
        if (seen.has(m)) continue;
        const isAfterDeath = person.died !== undefined && m.lo > person.died;
        const isBeforeBirth = person.born !== undefined && m.hi < person.born;
        if (!isAfterDeath && !isBeforeBirth) continue;
        seen.add(m);
        found.push({ mention: m, hint: outOfLifeHint(context, w, m, person, isAfterDeath, named) });
      }
    });
  }
  return found;
}

/** The hint on a year at which `w` (a glossary person) acts outside their life. */
function outOfLifeHint(
  context: HintContext,
  w: WordToken,
  m: YearMention,
  person: GlossaryPerson | StatedPerson,
  isAfterDeath: boolean,
  named: ReadonlySet<number>,
): Hint {
  const slip = bestSlip(m, (c) => c >= (person.born ?? -Infinity) && c <= (person.died ?? Infinity), named);
  const life = `${person.name}${person.born !== undefined ? `, born ${person.born}` : ""}${person.died !== undefined ? `, died ${person.died}` : ""}`;
  const ask = slip ? `; a slip for ${shown(m, slip.year)}?` : "; check this date.";
  return makeHint(context.text, {
    start: m.start,
    end: m.end,
    kind: "anachronistic-year",
    category: "date_number",
    message: isAfterDeath
      ? `${w.raw} acts here in ${m.text}, after dying in ${person.died}${ask}`
      : `${w.raw} acts here in ${m.text}, before being born in ${person.born}${ask}`,
    suggestion: slip ? shown(m, slip.year) : undefined,
    confidence: slip ? 0.8 : 0.7,
    evidence: [
      "statedAt" in person
        ? { source: "text", note: `The essay itself says ${quoted(person.statedAt.quote)}.`, span: { start: person.statedAt.start, end: person.statedAt.end } }
        : { source: "glossary", note: `The teacher’s glossary: ${life}.` },
      { source: "text", note: `“${w.raw}” is the one acting in the same sentence.`, span: { start: w.start, end: w.end } },
      ...(slip ? [{ source: "rule" as const, note: `${capitalize(slipWords(slip))} gives ${shown(m, slip.year)}, within the lifetime.` }] : []),
    ],
  });
}

function capitalize(words: string): string {
  return words[0].toUpperCase() + words.slice(1);
}

/**
 * The words a text may call each person by: every part of the name but
 * regnal numbers and particles ("Stalin" or "Joseph" for Joseph Stalin, "Hong"
 * for Hong Xiuquan, whose family name comes first). A part two people share
 * ("Louis" of Louis XVI and Louis Philippe) names neither.
 */
export function namesOf(people: readonly GlossaryPerson[]): Map<string, GlossaryPerson> {
  const byName = new Map<string, GlossaryPerson | null>();
  for (const person of people) {
    for (const part of new Set(person.name.trim().split(/\s+/))) {
      if (part.length < 3 || /^[IVXLC]+$/.test(part) || !/^\p{Lu}/u.test(part)) continue;
      byName.set(part, byName.has(part) && byName.get(part) !== person ? null : person);
    }
  }
  return new Map([...byName].filter((entry): entry is [string, GlossaryPerson] => entry[1] !== null));
}

/** True when the name is followed by "'s": the person is owned, not acting. */
function isPossessive(text: string, w: WordToken): boolean {
  return /['’]/.test(text[w.end] ?? "");
}

/** True when a past-tense verb of action follows the name, with at most two adverbs between. */
function actsNext(words: readonly WordToken[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < words.length; k++) {
    const word = words[k].norm;
    if (BETWEEN.has(word)) continue;
    if (NOT_ACTS.has(word)) return false;
    return IRREGULAR_ACTS.has(word) || (word.length > 4 && word.endsWith("ed"));
  }
  return false;
}

/** Block offsets just past each sentence end (". ", "!", "?"), ascending, found in one sweep. */
function sentenceEnds(segment: Segment): number[] {
  const ends: number[] = [];
  for (let i = 0; i < segment.text.length; i++) if (/[.!?]/.test(segment.text[i])) ends.push(i + 1);
  return ends;
}

/** The [from, to) of the sentence around a block offset, in canonical offsets, by binary search over the ends. */
function sentenceAround(segment: Segment, ends: readonly number[], at: number): [number, number] {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  const from = lo > 0 ? ends[lo - 1] : 0;
  const to = lo < ends.length ? ends[lo] : segment.text.length;
  return [segment.start + from, segment.start + to];
}

/** The index of the first mention starting at or after `offset` (mentions in text order). */
function firstAtOrAfter(mentions: readonly YearMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
