import { commonPrefix, editDistance, isCapitalized, isSpellingVariant, makeHint, tokenize } from "../text-tools";
import type { WordToken } from "../text-tools";
import type { Hint, HintContext, Segment } from "../types";
import { createTermIndex } from "./term-index";

/** A spelling the essay itself establishes: a title/heading word or a recurring name. */
interface KeyTerm {
  norm: string;
  /** How it is written where it is established. */
  surface: string;
  /** "title" and "heading" terms outrank names that merely recur in the body. */
  source: "title" | "heading" | "name";
  /** Times it appears capitalized mid-sentence in the body (a name, not a common word). */
  nameCount: number;
}

/** Title/heading words shorter than this are too ordinary to police ("causes", "policy"). */
const KEY_TERM_MIN_LENGTH = 8;
/** Names (capitalized mid-sentence in the body) are policed from this length; shorter ones collide. */
const NAME_MIN_LENGTH = 6;
/** Near-spellings differ in length by at most this much (one dropped letter plus one slip). */
const MAX_LENGTH_DIFFERENCE = 2;
/** Edits within this many final letters are inflection ("purges"/"purged"), not drift. */
const TAIL_LETTERS = 2;
/** Two edits (two separate dropped letters) are tolerated only for long names ("Kruschev"/"Khrushchev"); elsewhere one. */
const LONG_NAME_LENGTH = 8;
/** Confidence by where the correct spelling comes from; a second edit costs DISTANCE_PENALTY. */
const CONFIDENCE = { title: 0.8, heading: 0.7, name: 0.6 } as const;
const DISTANCE_PENALTY = 0.15;

/**
 * Hints at words spelled almost, but not quite, like a key term of the essay
 * (from its title or headings) or like a name spelled differently elsewhere in
 * it: "Desalinization" beside the title's "DeStalinization", "Kruschev" beside
 * "Khrushchev". Compares case-insensitively with hyphens ignored, so
 * "De-Stalinization" is the key term itself.
 */
export function findTermDrift(context: HintContext): Hint[] {
  const bodyWords = context.segments.flatMap((s) => tokenize(s).map((w) => ({ w, s })));
  const terms = collectTerms(context, bodyWords);
  const known = new Map(terms.map((t) => [t.norm, t]));
  // Each word is compared only with the terms it could be one or two edits from, not with all of them.
  const index = createTermIndex(terms.map((t) => t.norm));
  // The same spelling in the same position always gets the same answer; long essays repeat words a lot.
  const memo = new Map<string, { term: KeyTerm; distance: number } | null>();
  const hints: Hint[] = [];
  for (const { w, s } of bodyWords) {
    if (s.type === "heading") continue; // headings define the terms
    const own = known.get(w.norm);
    if (own && own.source !== "name") continue; // it IS a key term
    const memoKey = `${w.norm}|${isCapitalized(w.raw)}|${w.sentenceInitial}`;
    const best = memo.has(memoKey) ? memo.get(memoKey) : nearestTerm(w, own, index.candidates(w.norm).map((at) => terms[at]));
    memo.set(memoKey, best ?? null);
    if (!best) continue;
    const { term, distance } = best;
    const where = term.source === "name" ? "elsewhere in the essay" : `in the ${term.source}`;
    const letters = distance === 1 ? "one letter" : "two letters";
    hints.push(
      makeHint(context.text, {
        start: w.start,
        end: w.end,
        kind: "term-drift",
        category: "term_spelling",
        message: `“${w.raw}” is ${letters} away from “${term.surface}” ${where}; a misspelling of that term?`,
        suggestion: suggestionFor(w, term),
        confidence: CONFIDENCE[term.source] - (distance - 1) * DISTANCE_PENALTY,
      }),
    );
  }
  return hints;
}

/** The term `w` most likely misspells (fewest edits, then title before headings before names), if any. */
function nearestTerm(
  w: WordToken,
  own: KeyTerm | undefined,
  terms: readonly KeyTerm[],
): { term: KeyTerm; distance: number } | null {
  let best: { term: KeyTerm; distance: number } | null = null;
  for (const term of terms) {
    if (term.norm === w.norm) continue;
    // A name only corrects a rarer capitalized spelling of itself; equal counts are ambiguous.
    if (term.source === "name" && (!isCapitalized(w.raw) || (own?.nameCount ?? 0) >= term.nameCount)) continue;
    // A capital counts as a name's when mid-sentence, or when the term it resembles is a name.
    const nameLike = isCapitalized(w.raw) && (!w.sentenceInitial || term.nameCount > 0 || term.source === "name");
    const distance = driftDistance(w, nameLike, term.norm);
    if (distance === null) continue;
    if (!best || distance < best.distance || (distance === best.distance && rank(term) < rank(best.term))) {
      best = { term, distance };
    }
  }
  return best;
}

/** Title words, heading words and recurring body names, with their established spelling. */
function collectTerms(context: HintContext, bodyWords: readonly { w: WordToken; s: Segment }[]): KeyTerm[] {
  const nameCounts = new Map<string, { count: number; surface: string }>();
  for (const { w, s } of bodyWords) {
    if (s.type === "heading" || !isNameLike(w)) continue;
    const entry = nameCounts.get(w.norm) ?? { count: 0, surface: w.raw };
    entry.count++;
    nameCounts.set(w.norm, entry);
  }
  const terms = new Map<string, KeyTerm>();
  const titleSegment: Segment = { type: "heading", start: 0, end: context.title.length, text: context.title };
  const sources: Array<[KeyTerm["source"], Segment]> = [
    ["title", titleSegment],
    ...context.segments.filter((s) => s.type === "heading").map((s): ["heading", Segment] => ["heading", s]),
  ];
  for (const [source, segment] of sources) {
    for (const w of tokenize(segment)) {
      const nameCount = nameCounts.get(w.norm)?.count ?? 0;
      const long = w.norm.length >= KEY_TERM_MIN_LENGTH || (nameCount > 0 && w.norm.length >= NAME_MIN_LENGTH);
      if (!long || terms.has(w.norm)) continue;
      terms.set(w.norm, { norm: w.norm, surface: w.raw, source, nameCount });
    }
  }
  for (const [norm, { count, surface }] of nameCounts) {
    if (!terms.has(norm) && norm.length >= NAME_MIN_LENGTH) {
      terms.set(norm, { norm, surface, source: "name", nameCount: count });
    }
  }
  // Sorted so that ties between equally near terms resolve the same way every run.
  return [...terms.values()].sort((a, b) => rank(a) - rank(b) || a.norm.localeCompare(b.norm));
}

/** Title before headings before body names. */
function rank(term: KeyTerm): number {
  return term.source === "title" ? 0 : term.source === "heading" ? 1 : 2;
}

/** A capitalized word that does not open a sentence: a name or a term used as one. */
function isNameLike(w: WordToken): boolean {
  return isCapitalized(w.raw) && !w.sentenceInitial;
}

/**
 * The edit distance from `w` to `term` when it counts as drift, else null.
 * Drift needs the same first letter, a similar length, an edit before the
 * word's last letters, and no British/American variant. Substitutions and
 * second edits are accepted only for name-like words, because ordinary words
 * one substitution apart are usually both real ("resolution"/"revolution").
 */
function driftDistance(w: WordToken, nameLike: boolean, term: string): number | null {
  const word = w.norm;
  if (word[0] !== term[0] || Math.abs(word.length - term.length) > MAX_LENGTH_DIFFERENCE) return null;
  const shorter = Math.min(word.length, term.length);
  if (shorter < NAME_MIN_LENGTH || commonPrefix(word, term) >= shorter - TAIL_LETTERS) return null;
  if (isSpellingVariant(word, term)) return null;
  const limit = nameLike && shorter >= LONG_NAME_LENGTH ? 2 : 1;
  const distance = editDistance(word, term, limit);
  if (distance > limit) return null;
  if (distance === 1 && word.length === term.length && !nameLike && !isTransposition(word, term)) return null;
  if (distance === 2 && !isTwoSeparateDrops(word, term)) return null;
  return distance;
}

/**
 * True when the shorter word is the longer with two letters dropped that are
 * not side by side ("Kruschev" from "Khrushchev"). Two substitutions usually
 * make another name ("Heinrich"/"Heydrich"), and a dropped pair of letters
 * another word ("Austrian"/"Australian").
 */
function isTwoSeparateDrops(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 2) return false;
  for (let i = 0; i < long.length; i++) {
    for (let j = i + 2; j < long.length; j++) {
      if (long.slice(0, i) + long.slice(i + 1, j) + long.slice(j + 1) === short) return true;
    }
  }
  return false;
}

/** True when the words differ by two neighbouring letters swapped. */
function isTransposition(a: string, b: string): boolean {
  const i = commonPrefix(a, b);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** The term as the essay writes it, lower-cased where the word is an ordinary lower-case word. */
function suggestionFor(w: WordToken, term: KeyTerm): string {
  if (isCapitalized(w.raw) || term.nameCount > 0 || term.source === "name") return term.surface;
  return term.surface.toLowerCase();
}
