import { editDistance, isCapitalized, isSpellingVariant, makeHint, matchCase, normalizeWord, tokenize } from "../text-tools";
import type { WordToken } from "../text-tools";
import type { Hint, HintContext, Segment } from "../types";
import { SET_PHRASES } from "./set-phrases";

interface PhraseWord {
  surface: string;
  norm: string;
  capital: boolean;
}

/** Words shorter than this ("of", "the") are never the broken one: too many real words lie one letter away. */
const MIN_BROKEN_LENGTH = 3;
/** In a lower-case match of a proper phrase, the broken word must be at least this long ("comittee", not "was"). */
const LOWERCASE_BROKEN_MIN_LENGTH = 6;
/** One slip inside a fixed phrase is rarely intended, but the phrase list is not exhaustive. */
const BROKEN_PHRASE_CONFIDENCE = 0.85;

const PHRASES: readonly PhraseWord[][] = SET_PHRASES.map((p) =>
  p.split(/\s+/).map((surface) => ({ surface, norm: normalizeWord(surface), capital: isCapitalized(surface) })),
);

/**
 * Hints at a set phrase with exactly one word broken by a single-letter slip
 * (dropped, added, changed or swapped): "Part Congress" → "Party Congress",
 * "Cold Was" → "Cold War", "secret speach" → "secret speech". The other words
 * must match exactly; plurals and possessives are not slips. Whole words only,
 * within one block, with nothing but spaces between them.
 */
export function findBrokenPhrases(context: HintContext): Hint[] {
  const hints = new Map<number, Hint>();
  for (const segment of context.segments) {
    const words = tokenize(segment);
    for (let i = 0; i < words.length; i++) {
      for (const phrase of PHRASES) {
        // With one word broken, the first or the second word must match exactly: a cheap filter.
        if (words[i].norm !== phrase[0].norm && words[i + 1]?.norm !== phrase[1]?.norm) continue;
        const window = words.slice(i, i + phrase.length);
        if (window.length < phrase.length || !adjacent(segment, window)) continue;
        const broken = brokenIndex(window, phrase);
        if (broken === null || hints.has(window[0].start)) continue;
        const start = window[0].start;
        const end = window[window.length - 1].end;
        // Written all in lower case, the phrase is suggested in lower case too.
        const lower = window.every((w) => !isCapitalized(w.raw));
        const fixed = lower ? phrase[broken].surface.toLowerCase() : phrase[broken].surface;
        const suggestion = window.map((w, k) => (k === broken ? matchCase(w.raw, fixed) : w.raw)).join(" ");
        hints.set(
          start,
          makeHint(context.text, {
            start,
            end,
            kind: "broken-phrase",
            category: "term_spelling",
            message: `“${context.text.slice(start, end)}” looks like the set phrase “${phrase.map((p) => p.surface).join(" ")}” with one letter wrong.`,
            suggestion,
            confidence: BROKEN_PHRASE_CONFIDENCE,
          }),
        );
      }
    }
  }
  return [...hints.values()];
}

/** True when only spaces (no punctuation, no line break) separate the words. */
function adjacent(segment: Segment, window: readonly WordToken[]): boolean {
  for (let k = 1; k < window.length; k++) {
    const gap = segment.text.slice(window[k - 1].end - segment.start, window[k].start - segment.start);
    if (!/^[ \u00a0]+$/.test(gap)) return false;
  }
  return true;
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

/**
 * One edit apart, long enough, same first letter (a changed first letter
 * usually makes another real phrase: "Civil Law"), and not merely a plural
 * ("Cold Wars") or a British/American spelling ("labour"/"labor").
 */
function isSlip(word: string, target: string): boolean {
  if (target.length < MIN_BROKEN_LENGTH || word.length < MIN_BROKEN_LENGTH || word[0] !== target[0]) return false;
  if (word === `${target}s` || word === `${target}es` || `${word}s` === target || isSpellingVariant(word, target)) return false;
  return editDistance(word, target, 1) === 1;
}
