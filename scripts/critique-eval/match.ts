/**
 * Scores hints against a key of planted errors. Pure: spans and kinds in,
 * counts out, so the rules of the evaluation are unit-tested on their own.
 */
import { spansOverlap } from "../../lib/critique/answer-key";
import { HINT_KINDS } from "../../lib/critique/types";
import type { Hint, HintKind } from "../../lib/critique/types";

/** A half-open [start, end) range of UTF-16 offsets in the canonical text. */
export interface Span {
  start: number;
  end: number;
}

/** What the matcher needs of a key error. */
export interface KeyError extends Span {
  kind: HintKind;
}

/** What became of one hint. */
export type HintVerdict =
  /** overlaps a key error of its own kind */
  | "match"
  /** overlaps a key error, but of another kind: the right place for the wrong reason */
  | "wrong-kind"
  /** overlaps a trap: correct text the key says must stay unhinted */
  | "trap"
  /** overlaps nothing in the key */
  | "unkeyed";

/** One essay's hints judged against its key. */
export interface EssayScore {
  /** For each key error, in key order: whether a hint of its kind overlaps it. */
  found: boolean[];
  /** For each hint, in hint order. */
  verdicts: HintVerdict[];
}

/**
 * Judges hints against a key. An error is found when at least one hint of its
 * kind shares a character with it; several such hints still find it once.
 * A hint is a true hint only when it finds an error; every other hint is a
 * false hint, and the verdict says why (wrong kind, a trap, or nothing keyed).
 */
export function scoreEssay(
  hints: readonly Pick<Hint, "start" | "end" | "kind">[],
  errors: readonly KeyError[],
  traps: readonly Span[],
): EssayScore {
  const found = errors.map((e) => hints.some((h) => h.kind === e.kind && spansOverlap(h, e)));
  const verdicts = hints.map((h): HintVerdict => {
    const overlapping = errors.filter((e) => spansOverlap(h, e));
    if (overlapping.some((e) => e.kind === h.kind)) return "match";
    if (overlapping.length > 0) return "wrong-kind";
    return traps.some((t) => spansOverlap(h, t)) ? "trap" : "unkeyed";
  });
  return { found, verdicts };
}

/** Found / expected, per kind and over all kinds. */
export interface RecallFigures {
  byKind: Record<HintKind, { expected: number; found: number; recall: number | null }>;
  expected: number;
  found: number;
  recall: number | null;
}

/** Hints given, how many were true, and the false ones by reason. */
export interface PrecisionFigures {
  hints: number;
  trueHints: number;
  precision: number | null;
  falseByVerdict: Record<Exclude<HintVerdict, "match">, number>;
}

/** Sums essay scores into recall per kind and overall, and precision. */
export function summarizeScores(
  scored: ReadonlyArray<{ errors: readonly KeyError[]; score: EssayScore }>,
): RecallFigures & PrecisionFigures {
  const byKind = Object.fromEntries(HINT_KINDS.map((k) => [k, { expected: 0, found: 0, recall: null as number | null }])) as RecallFigures["byKind"];
  const falseByVerdict = { "wrong-kind": 0, trap: 0, unkeyed: 0 };
  let hints = 0;
  let trueHints = 0;
  for (const { errors, score } of scored) {
    errors.forEach((e, i) => {
      byKind[e.kind].expected++;
      if (score.found[i]) byKind[e.kind].found++;
    });
    for (const verdict of score.verdicts) {
      hints++;
      if (verdict === "match") trueHints++;
      else falseByVerdict[verdict]++;
    }
  }
  for (const k of HINT_KINDS) byKind[k].recall = ratio(byKind[k].found, byKind[k].expected);
  const expected = HINT_KINDS.reduce((n, k) => n + byKind[k].expected, 0);
  const found = HINT_KINDS.reduce((n, k) => n + byKind[k].found, 0);
  return { byKind, expected, found, recall: ratio(found, expected), hints, trueHints, precision: ratio(trueHints, hints), falseByVerdict };
}

/** Hints per 1,000 words; null for no words. */
export function perThousandWords(hints: number, words: number): number | null {
  return words > 0 ? (hints * 1000) / words : null;
}

/** a / b, or null when b is 0 (nothing to measure is not a score of 0 or 1). */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}
