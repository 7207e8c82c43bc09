import { createPlaceFinder, isCapitalized, makeHint, matchCase, quoted, tokenize } from "../text-tools";
import type { WordToken } from "../text-tools";
import type { Hint, HintContext, HintEvidence, Segment } from "../types";
import { findNamePhraseSlips } from "./name-phrase-slips";
import { findPhraseDrift } from "./phrase-drift";
import { adjacent, CONNECTORS, isSlip } from "./phrase-tools";
import { EGGCORNS, EGGCORNS_IN_CONTEXT, SET_PHRASES } from "./set-phrases";

interface PhraseWord {
  surface: string;
  norm: string;
  capital: boolean;
}

/** In a lower-case match of a proper phrase, the broken word must be at least this long ("comittee", not "was"). */
const LOWERCASE_BROKEN_MIN_LENGTH = 6;
/** One slip inside a fixed phrase is rarely intended, but the phrase list is not exhaustive. */
const BROKEN_PHRASE_CONFIDENCE = 0.85;
/** An eggcorn is a real phrase misheard; matched word for word, it is rarely anything else. */
const EGGCORN_CONFIDENCE = 0.85;

/** A phrase split into words, from the list or the teacher's glossary. */
interface Phrase {
  words: readonly PhraseWord[];
  source: "list" | "glossary";
}

const splitPhrase = (text: string): PhraseWord[] =>
  tokenize({ type: "paragraph", start: 0, end: text.length, text }).map((w) => ({ surface: w.raw, norm: w.norm, capital: isCapitalized(w.raw) }));

// At least two words, at least two of them not joining words, so one can be broken while another anchors the lookup.
const isIndexable = (words: readonly PhraseWord[]) => words.length >= 2 && words.filter((w) => !CONNECTORS.has(w.norm)).length >= 2;

const LIST_PHRASES: readonly Phrase[] = SET_PHRASES.map((p) => ({ words: splitPhrase(p), source: "list" as const })).filter((p) => isIndexable(p.words));
const LIST_INDEX = indexPhrases(LIST_PHRASES);
const EGGCORN_PHRASES: ReadonlyArray<{ wrong: PhraseWord[]; right: string; followedBy?: RegExp }> = [
  ...EGGCORNS.map(([wrong, right]) => ({ wrong: splitPhrase(wrong), right })),
  ...EGGCORNS_IN_CONTEXT.map(([wrong, right, followedBy]) => ({ wrong: splitPhrase(wrong), right, followedBy: new RegExp(`^${followedBy}`, "iu") })),
];
/** How far past an eggcorn its context is read. */
const CONTEXT_CHARS = 40;
const EGGCORNS_BY_FIRST = new Map<string, typeof EGGCORN_PHRASES>();
for (const e of EGGCORN_PHRASES) EGGCORNS_BY_FIRST.set(e.wrong[0].norm, [...(EGGCORNS_BY_FIRST.get(e.wrong[0].norm) ?? []), e]);

/** Each phrase under each of its anchoring words, with that word's position. */
function indexPhrases(phrases: readonly Phrase[]): Map<string, Array<{ phrase: Phrase; at: number }>> {
  const index = new Map<string, Array<{ phrase: Phrase; at: number }>>();
  for (const phrase of phrases) {
    phrase.words.forEach((w, at) => {
      if (CONNECTORS.has(w.norm)) return;
      const list = index.get(w.norm) ?? [];
      list.push({ phrase, at });
      index.set(w.norm, list);
    });
  }
  return index;
}

/**
 * Hints at a set phrase with one word broken by a single-letter slip
 * (dropped, added, changed or swapped): "Part Congress" → "Party Congress",
 * "Iron Curtin" → "Iron Curtain", "Second Word War" → "World War"; at a
 * misheard phrase ("a mute point" → "moot point", "baited breath"); and at a
 * proper phrase written two ways in one text (see phrase-drift.ts). The
 * phrases come from a general list, the teacher's glossary and the text
 * itself. The other words must match exactly; plurals and possessives are
 * not slips. Whole words only, within one block, with nothing but spaces
 * between them. Each word is looked up only in the phrases that contain it.
 */
export function findBrokenPhrases(context: HintContext): Hint[] {
  const glossaryPhrases = context.glossary.terms.map((t) => ({ words: splitPhrase(t), source: "glossary" as const })).filter((p) => isIndexable(p.words));
  const indexes = [LIST_INDEX, indexPhrases(glossaryPhrases)];
  const hints = new Map<number, Hint>();
  for (const segment of context.segments) {
    const words = tokenize(segment);
    for (let i = 0; i < words.length; i++) {
      for (const index of indexes) {
        for (const { phrase, at } of index.get(words[i].norm) ?? []) {
          const start = i - at;
          if (start < 0 || start + phrase.words.length > words.length) continue;
          // A phrase is reached through each of its words that matches: only the first such word tries it.
          if (matchesEarlier(words, start, phrase.words, at)) continue;
          if (!isNearMatch(words, start, phrase.words)) continue;
          const hint = brokenPhraseHint(context, segment, words.slice(start, start + phrase.words.length), phrase);
          if (hint && !hints.has(hint.start)) hints.set(hint.start, hint);
        }
      }
      for (const e of EGGCORNS_BY_FIRST.get(words[i].norm) ?? []) {
        const window = words.slice(i, i + e.wrong.length);
        if (window.length < e.wrong.length || !window.every((w, k) => w.norm === e.wrong[k].norm) || !adjacent(segment, window)) continue;
        const after = window[window.length - 1].end;
        if (e.followedBy && !e.followedBy.test(context.text.slice(after, Math.min(segment.end, after + CONTEXT_CHARS)))) continue;
        const hint = eggcornHint(context, window, e.right);
        if (!hints.has(hint.start)) hints.set(hint.start, hint);
      }
    }
  }
  for (const segment of context.segments) for (const hint of findNamePhraseSlips(context, segment)) if (!hints.has(hint.start)) hints.set(hint.start, hint);
  for (const hint of findPhraseDrift(context, createPlaceFinder(context.segments))) if (!hints.has(hint.start)) hints.set(hint.start, hint);
  return [...hints.values()];
}

/** True when an anchoring word of the phrase before position `at` already matches: that word tried it first. */
function matchesEarlier(words: readonly WordToken[], start: number, phrase: readonly PhraseWord[], at: number): boolean {
  for (let k = 0; k < at; k++) if (!CONNECTORS.has(phrase[k].norm) && words[start + k].norm === phrase[k].norm) return true;
  return false;
}

/** A cheap first look: at most one word of the phrase differs from the words at `start`. */
function isNearMatch(words: readonly WordToken[], start: number, phrase: readonly PhraseWord[]): boolean {
  let differing = 0;
  for (let k = 0; k < phrase.length; k++) if (words[start + k].norm !== phrase[k].norm && ++differing > 1) return false;
  return differing === 1;
}

/** The hint on `window` when it is `phrase` with one word broken, else null. */
function brokenPhraseHint(context: HintContext, segment: Segment, window: readonly WordToken[], phrase: Phrase): Hint | null {
  if (window.length < phrase.words.length || !adjacent(segment, window)) return null;
  const broken = brokenIndex(window, phrase.words);
  if (broken === null) return null;
  const start = window[0].start;
  const end = window[window.length - 1].end;
  // Written all in lower case, the phrase is suggested in lower case too.
  const lower = window.every((w) => !isCapitalized(w.raw));
  const fixed = lower ? phrase.words[broken].surface.toLowerCase() : phrase.words[broken].surface;
  const suggestion = window.map((w, k) => (k === broken ? matchCase(w.raw, fixed) : w.raw)).join(" ");
  const whole = phrase.words.map((p) => p.surface).join(" ");
  const evidence: HintEvidence =
    phrase.source === "glossary"
      ? { source: "glossary", note: `The teacher’s glossary lists “${whole}”.` }
      : { source: "rule", note: `“${whole}” is a set phrase of history writing; here “${window[broken].raw}” differs from “${phrase.words[broken].surface}” by one letter.` };
  return makeHint(context.text, {
    start,
    end,
    kind: "broken-phrase",
    category: "term_spelling",
    message: `“${context.text.slice(start, end)}” looks like the set phrase “${whole}” with one letter wrong.`,
    suggestion,
    confidence: BROKEN_PHRASE_CONFIDENCE,
    evidence: [evidence],
  });
}

/** The hint on a misheard phrase written word for word. */
function eggcornHint(context: HintContext, window: readonly WordToken[], right: string): Hint {
  const start = window[0].start;
  const end = window[window.length - 1].end;
  const exact = context.text.slice(start, end);
  return makeHint(context.text, {
    start,
    end,
    kind: "broken-phrase",
    category: "term_spelling",
    message: `“${exact}” looks like a mishearing of the phrase “${right}”.`,
    suggestion: matchCase(exact, right),
    confidence: EGGCORN_CONFIDENCE,
    evidence: [{ source: "rule", note: `${quoted(exact)} is a common mishearing of “${right}”; the words sound alike but mean something else.` }],
  });
}

/**
 * The index of the one broken word when `window` is `phrase` with a single
 * one-letter slip, else null. Capitals must follow the phrase's, unless the
 * whole window is lower case and the broken word is long.
 */
function brokenIndex(window: readonly WordToken[], phrase: readonly PhraseWord[]): number | null {
  let broken: number | null = null;
  for (let k = 0; k < phrase.length; k++) {
    if (window[k].norm === phrase[k].norm) continue;
    if (broken !== null || !isSlip(window[k].norm, phrase[k].norm)) return null;
    broken = k;
  }
  if (broken === null) return null;
  const proper = phrase.some((p) => p.capital);
  const capsMatch = phrase.every((p, k) => !p.capital || isCapitalized(window[k].raw));
  const allLower = window.every((w) => !isCapitalized(w.raw));
  if (proper && !capsMatch && !(allLower && window[broken].norm.length >= LOWERCASE_BROKEN_MIN_LENGTH)) return null;
  return broken;
}
