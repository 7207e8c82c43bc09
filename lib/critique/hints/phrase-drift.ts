import { isCapitalized, isInflection, makeHint, matchCase, timesWord, tokenize } from "../text-tools";
import type { WordToken } from "../text-tools";
import type { Hint, HintContext, HintEvidence, Segment } from "../types";
import { adjacent, CONNECTORS, isSlip } from "./phrase-tools";

/** Proper phrases of two to four words are compared; longer ones are made of these. */
const MIN_WORDS = 2;
const MAX_WORDS = 4;
const CONFIDENCE = { title: 0.8, moreOften: 0.75, tie: 0.6 } as const;
/** Regnal and ordinal numerals: "Louis XIV" and "Louis XVI" are two kings, not a slip. */
const NUMERAL = /^[ivxlc]+$/;

/** One proper phrase (its words' spellings) and where the text writes it. */
interface Gram {
  norms: readonly string[];
  occurrences: WordToken[][];
  titleWords?: readonly WordToken[];
}

/**
 * Hints at a proper phrase written two ways in one text, one word apart by a
 * single-letter slip, at the rarer way: "Spanish Civil Wat" beside the
 * title's "The Spanish Civil War", "Second Word War" beside "Second World
 * War" written twice. The other way wins when it is in the title, or the
 * text writes it more often, or as often and the word list knows its word
 * while it does not know this one. A proper phrase is a run of capitalized
 * words (joining words such as "of" allowed inside), two to four words long.
 */
export function findPhraseDrift(context: HintContext, placeOf: (at: number) => string): Hint[] {
  const grams = new Map<string, Gram>();
  const gramOf = (words: readonly WordToken[]): Gram => {
    const key = words.map((w) => w.norm).join(" ");
    let gram = grams.get(key);
    if (!gram) {
      gram = { norms: words.map((w) => w.norm), occurrences: [] };
      grams.set(key, gram);
    }
    return gram;
  };
  for (const segment of context.segments) for (const words of properGrams(segment)) gramOf(words).occurrences.push(words);
  const titleSegment: Segment = { type: "heading", start: 0, end: context.title.length, text: context.title };
  for (const words of properGrams(titleSegment)) gramOf(words).titleWords ??= words;

  // Each gram under each of its words blanked out: two grams one word apart share a key.
  const byBlank = new Map<string, Gram[]>();
  for (const gram of grams.values()) {
    gram.norms.forEach((_, k) => {
      const key = blankKey(gram.norms, k);
      const list = byBlank.get(key);
      if (list) list.push(gram);
      else byBlank.set(key, [gram]);
    });
  }
  const hints: Hint[] = [];
  for (const gram of grams.values()) {
    if (gram.occurrences.length === 0 || gram.titleWords) continue;
    let best: { other: Gram; at: number; reason: keyof typeof CONFIDENCE } | null = null;
    gram.norms.forEach((norm, k) => {
      if (CONNECTORS.has(norm) || NUMERAL.test(norm)) return;
      for (const other of byBlank.get(blankKey(gram.norms, k)) ?? []) {
        const theirs = other.norms[k];
        // "East Germany"/"East German": one word the other plus an ending is another form, not a slip.
        // …unless a final doubled letter lost its twin ("Congres"/"Congress").
        const isDoubleDropped = theirs.length === norm.length + 1 && theirs.startsWith(norm) && theirs.endsWith(theirs.at(-1)!.repeat(2));
        const isOtherForm = isInflection(norm, theirs) || norm.startsWith(theirs) || theirs.startsWith(norm);
        if (other === gram || NUMERAL.test(theirs) || (isOtherForm && !isDoubleDropped) || !isSlip(norm, theirs)) continue;
        // A set phrase is made of words ("Civil War", "Grand Vizier"); a name written two ways ("Hong Xiuqan") is term drift.
        const theirSurface = (other.titleWords ?? other.occurrences[0])[k].raw;
        if (context.lexicon && !context.lexicon.isWord(theirSurface)) continue;
        const reason = winsOver(context, gram, other, k);
        if (reason && (!best || CONFIDENCE[reason] > CONFIDENCE[best.reason])) best = { other, at: k, reason };
      }
    });
    if (!best) continue;
    const found: { other: Gram; at: number; reason: keyof typeof CONFIDENCE } = best;
    for (const words of gram.occurrences) hints.push(driftHint(context, words, found.other, found.at, found.reason, placeOf));
  }
  return hints;
}

/** Why `other` is the right way to write `gram`, or null when it is not clearly so. */
function winsOver(context: HintContext, gram: Gram, other: Gram, k: number): keyof typeof CONFIDENCE | null {
  if (other.titleWords) return "title";
  if (other.occurrences.length > gram.occurrences.length) return "moreOften";
  if (other.occurrences.length < gram.occurrences.length || !context.lexicon) return null;
  const mine = gram.occurrences[0][k].raw;
  const theirs = other.occurrences[0][k].raw;
  return context.lexicon.isWord(theirs) && !context.lexicon.isWord(mine) ? "tie" : null;
}

function blankKey(norms: readonly string[], k: number): string {
  return `${norms.length}|${norms.map((n, i) => (i === k ? "*" : n)).join(" ")}`;
}

/**
 * The proper phrases of a block: runs of capitalized words side by side
 * (joining words allowed inside, not at the ends), as every two- to
 * four-word stretch of each run.
 */
function properGrams(segment: Segment): WordToken[][] {
  const words = tokenize(segment);
  const out: WordToken[][] = [];
  let run: WordToken[] = [];
  const flush = () => {
    while (run.length > 0 && CONNECTORS.has(run[run.length - 1].norm)) run.pop();
    for (let i = 0; i < run.length; i++) {
      if (CONNECTORS.has(run[i].norm)) continue;
      for (let n = MIN_WORDS; n <= MAX_WORDS && i + n <= run.length; n++) {
        if (!CONNECTORS.has(run[i + n - 1].norm)) out.push(run.slice(i, i + n));
      }
    }
    run = [];
  };
  for (const w of words) {
    const isJoined = run.length > 0 && adjacent(segment, [run[run.length - 1], w]);
    const isConnector = CONNECTORS.has(w.norm) && !isCapitalized(w.raw);
    if (isCapitalized(w.raw) && !(CONNECTORS.has(w.norm) && run.length === 0)) {
      if (!isJoined) flush();
      run.push(w);
    } else if (isConnector && isJoined) {
      run.push(w);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

/** The hint on one occurrence of the rarer way of writing a phrase. */
function driftHint(
  context: HintContext,
  words: readonly WordToken[],
  other: Gram,
  k: number,
  reason: keyof typeof CONFIDENCE,
  placeOf: (at: number) => string,
): Hint {
  const start = words[0].start;
  const end = words[words.length - 1].end;
  const otherWords = other.titleWords ?? other.occurrences[0];
  const written = otherWords.map((w) => w.raw).join(" ");
  const suggestion = words.map((w, i) => (i === k ? matchCase(w.raw, otherWords[k].raw) : w.raw)).join(" ");
  const evidence: HintEvidence[] = [];
  if (other.titleWords) evidence.push({ source: "title", note: `The title writes “${written}”.` });
  if (other.occurrences.length > 0) {
    const first = other.occurrences[0];
    evidence.push({
      source: "text",
      note: `This text writes “${written}” ${timesWord(other.occurrences.length)} (first ${placeOf(first[0].start)}).`,
      span: { start: first[0].start, end: first[first.length - 1].end },
    });
  }
  return makeHint(context.text, {
    start,
    end,
    kind: "broken-phrase",
    category: "term_spelling",
    message: `“${context.text.slice(start, end)}” is written “${written}” ${reason === "title" ? "in the title" : "elsewhere in this text"}; one letter differs.`,
    suggestion,
    confidence: CONFIDENCE[reason],
    evidence,
  });
}
