import { editDistance, isSpellingVariant } from "../text-tools";
import type { WordToken } from "../text-tools";
import type { Segment } from "../types";

/** Words shorter than this ("of", "the") are never the broken one: too many real words lie one letter away. */
const MIN_BROKEN_LENGTH = 3;

/** Joining words: they neither start a lookup nor count as the phrase's anchor. */
export const CONNECTORS = new Set(["of", "the", "and", "de", "la", "le", "von", "van", "der", "du", "des", "for", "in", "on", "to", "a", "an", "y", "al", "el"]);

/** True when only spaces (no punctuation, no line break) separate the words. */
export function adjacent(segment: Segment, window: readonly WordToken[]): boolean {
  for (let k = 1; k < window.length; k++) {
    const gap = segment.text.slice(window[k - 1].end - segment.start, window[k].start - segment.start);
    if (!/^[ \u00a0]+$/.test(gap)) return false;
  }
  return true;
}

/**
 * One edit apart, long enough, same first letter (a changed first letter
 * usually makes another real phrase: "Civil Law"), and not merely a plural
 * ("Cold Wars") or a British/American spelling ("labour"/"labor").
 */
export function isSlip(word: string, target: string): boolean {
  if (target.length < MIN_BROKEN_LENGTH || word.length < MIN_BROKEN_LENGTH || word[0] !== target[0]) return false;
  // A plural is not a slip; a final "ss" that lost one s is ("Congres" for "Congress").
  const isPlural = word === `${target}s` || word === `${target}es` || (`${word}s` === target && !target.endsWith("ss"));
  if (isPlural || isSpellingVariant(word, target)) return false;
  return editDistance(word, target, 1) === 1;
}

