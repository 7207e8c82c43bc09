import { isCapitalized, makeHint, tokenize } from "../text-tools";
import type { WordToken } from "../text-tools";
import type { Lexicon } from "../lexicon";
import type { Hint, HintContext, Segment } from "../types";
import { adjacent, isSlip } from "./phrase-tools";

/** Names of two to five words, as in the dictionary's list. */
const MAX_WORDS = 5;
/** The broken word must be at least this long: shorter names are one letter away from too many others. */
const MIN_BROKEN_LENGTH = 4;
/** A dictionary name is certain; one letter off it, in a name the essay capitalises, is nearly so. */
const CONFIDENCE = 0.8;
/** Small words inside a name: never its first or last word, never the broken one. */
const SMALL = new Set(["of", "the", "and", "de", "la", "le", "du", "des", "del", "da", "von", "van", "al", "el", "on", "in", "for", "upon"]);

interface NameIndex {
  /** "holy * empire" → the names with one word left open there, with the open word's position. */
  bySkeleton: Map<string, Array<{ words: readonly string[]; norms: readonly string[]; at: number }>>;
  /** Every name, normalised, so a name written right is never a slip of another. */
  known: Set<string>;
  /** Every word of every name, normalised: a window with another word is no name. */
  words: Set<string>;
}

const INDEXES = new WeakMap<Lexicon, NameIndex>();

/** The lower-case, accent-free form names are compared in, as tokenize's norm. */
const norm = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").replace(/-/g, "").toLowerCase();

/** The skeleton index of the lexicon's names, built once per lexicon (once per worker). */
function indexOf(lexicon: Lexicon): NameIndex | null {
  const names = lexicon.names;
  if (!names || names.length === 0) return null;
  let index = INDEXES.get(lexicon);
  if (index) return index;
  index = { bySkeleton: new Map(), known: new Set(), words: new Set() };
  for (const name of names) {
    const words = name.split(" ");
    const norms = words.map(norm);
    index.known.add(norms.join(" "));
    for (const n of norms) index.words.add(n);
    norms.forEach((n, at) => {
      if (SMALL.has(n) || n.length < MIN_BROKEN_LENGTH) return;
      const key = norms.map((o, k) => (k === at ? "*" : o)).join(" ");
      const list = index!.bySkeleton.get(key);
      if (list) list.push({ words, norms, at });
      else index!.bySkeleton.set(key, [{ words, norms, at }]);
    });
  }
  INDEXES.set(lexicon, index);
  return index;
}

/**
 * Hints at a well-known multiword name with one word one letter off, from the
 * word list's dictionary of names (WordNet's, see lib/lexicon): "Gettysburg
 * Adress" → "Gettysburg Address". Only where the essay capitalises the name
 * as a name, the broken word is not itself an English word or a known name
 * ("Civil Law" is not a slip of "Civil War"), and the name as written is not
 * another name of the list. Only runs of capitalised words are looked up, a
 * few skeletons each, so the cost is linear in the text.
 */
export function findNamePhraseSlips(context: HintContext, segment: Segment): Hint[] {
  const lexicon = context.lexicon;
  const index = lexicon ? indexOf(lexicon) : null;
  if (!lexicon || !index) return [];
  const words = tokenize(segment);
  const hints: Hint[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isCapitalized(words[i].raw)) {
      i++;
      continue;
    }
    // The capitalised run (small words inside it allowed) starting here.
    let end = i + 1;
    while (end < words.length && end - i < 2 * MAX_WORDS && (isCapitalized(words[end].raw) || SMALL.has(words[end].norm))) end++;
    const found = slipInRun(context, segment, lexicon, index, words.slice(i, end));
    if (found) hints.push(found);
    i = end;
  }
  return hints;
}

/**
 * The first name slip in a run of capitalised words. Only a word the word list
 * does not know can be the broken one, and only windows around it whose other
 * words all occur in some name are looked up: most runs cost one look per word.
 */
function slipInRun(context: HintContext, segment: Segment, lexicon: Lexicon, index: NameIndex, run: readonly WordToken[]): Hint | null {
  for (let at = 0; at < run.length; at++) {
    const written = run[at];
    if (written.norm.length < MIN_BROKEN_LENGTH || SMALL.has(written.norm) || lexicon.isWord(written.raw)) continue;
    for (let from = Math.max(0, at - MAX_WORDS + 1); from <= at; from++) {
      for (let to = Math.max(at + 1, from + 2); to <= Math.min(run.length, from + MAX_WORDS); to++) {
        const window = run.slice(from, to);
        if (SMALL.has(window[0].norm) || SMALL.has(window[window.length - 1].norm)) continue;
        if (!window.every((w, k) => k === at - from || index.words.has(w.norm))) continue;
        const norms = window.map((w) => w.norm);
        if (index.known.has(norms.join(" "))) continue;
        const key = norms.map((n, k) => (k === at - from ? "*" : n)).join(" ");
        const name = index.bySkeleton.get(key)?.find((c) => c.at === at - from && isSlip(written.norm, c.norms[at - from]));
        if (name && adjacent(segment, window)) return nameHint(context, window, at - from, name.words);
      }
    }
  }
  return null;
}

function nameHint(context: HintContext, window: readonly WordToken[], at: number, name: readonly string[]): Hint {
  const start = window[0].start;
  const end = window[window.length - 1].end;
  const exact = context.text.slice(start, end);
  const whole = name.join(" ");
  return makeHint(context.text, {
    start,
    end,
    kind: "broken-phrase",
    category: "term_spelling",
    message: `“${exact}” looks like the name “${whole}” with one letter wrong.`,
    suggestion: window.map((w, k) => (k === at ? name[k] : w.raw)).join(" "),
    confidence: CONFIDENCE,
    evidence: [
      {
        source: "rule",
        note: `“${whole}” is a well-known name in the dictionary's list of names; “${window[at].raw}” is not an English word and differs from “${name[at]}” by one letter.`,
      },
    ],
  });
}
