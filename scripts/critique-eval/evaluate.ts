/**
 * Runs the critique hints over the evaluation corpus and computes the
 * figures of issue 13: recall per kind and overall, precision, false hints
 * per 1,000 words of clean prose, each for the tuning and the held-out part,
 * and recall on the seed essay.
 */
import { findHints } from "../../lib/critique/find-hints";
import { loadEnglishLexicon } from "../../lib/lexicon/load-english-lexicon";
import type { Hint } from "../../lib/critique/types";
import type { Corpus, CorpusPart, CorpusText, KeyedEssay } from "./corpus";
import { perThousandWords, scoreEssay, summarizeScores } from "./match";
import type { HintVerdict, PrecisionFigures, RecallFigures } from "./match";

/** The targets, on the held-out part. */
export const TARGETS = { heldOutRecall: 0.9, falseHintsPerThousandWords: 1, seedRecall: 1 } as const;

/** Figures for the keyed essays of one part (or the seed). */
export type EssayFigures = RecallFigures & PrecisionFigures & { essays: number; words: number };

/** Figures for the clean prose of one part: every hint is false. */
export interface CleanFigures {
  files: number;
  words: number;
  hints: number;
  perThousandWords: number | null;
}

/** A missed error or a false hint, for the tuning part's listing. */
export interface Detail {
  file: string;
  kind: Hint["kind"];
  text: string;
  /** For false hints: why it is false. For misses: what the key expects instead. */
  reason: HintVerdict | "missed" | "clean";
  suggestion?: string;
}

/** Everything one evaluation run measured. */
export interface EvalResult {
  /** The parts evaluated; the figures of a part not read are empty, and no report shows them. */
  parts: CorpusPart[];
  essays: Record<CorpusPart, EssayFigures>;
  clean: Record<CorpusPart, CleanFigures>;
  seed: EssayFigures;
  /** Time spent in findHints over the whole corpus, and the words it read. */
  timing: { milliseconds: number; words: number };
  check: { heldOutRecallMet: boolean; falseHintsMet: boolean; seedMet: boolean; isMet: boolean };
  details: Record<CorpusPart, Detail[]>;
}

const PARTS: readonly CorpusPart[] = ["tuning", "held-out"];

/** Evaluates the current detectors on a loaded corpus. Deterministic except for the timing. */
export function evaluateCorpus(corpus: Corpus): EvalResult {
  // Loaded before the clock starts: the app pays this once per worker, not per reading.
  const lexicon = loadEnglishLexicon();
  let milliseconds = 0;
  let words = 0;
  const hintsOf = (t: CorpusText): Hint[] => {
    const t0 = performance.now();
    const hints = findHints(t.input, { lexicon });
    milliseconds += performance.now() - t0;
    words += t.words;
    return hints;
  };
  const details: EvalResult["details"] = { tuning: [], "held-out": [] };
  const judge = (essays: readonly KeyedEssay[], sink: Detail[] | null): EssayFigures => {
    const scored = essays.map((essay) => {
      const hints = hintsOf(essay);
      const score = scoreEssay(hints, essay.errors, essay.traps);
      if (sink) {
        const file = relative(essay.file);
        essay.errors.forEach((e, i) => {
          if (!score.found[i]) sink.push({ file, kind: e.kind, text: e.quote, reason: "missed", suggestion: e.correction });
        });
        hints.forEach((h, i) => {
          const reason = score.verdicts[i];
          if (reason !== "match") sink.push({ file, kind: h.kind, text: h.exact, reason, suggestion: h.suggestion });
        });
      }
      return { errors: essay.errors, score };
    });
    return { ...summarizeScores(scored), essays: essays.length, words: essays.reduce((n, e) => n + e.words, 0) };
  };

  const essays = Object.fromEntries(
    PARTS.map((p) => [p, judge(corpus.essays.filter((e) => e.part === p), details[p])]),
  ) as Record<CorpusPart, EssayFigures>;
  const clean = Object.fromEntries(
    PARTS.map((p) => {
      const files = corpus.clean.filter((c) => c.part === p);
      let hints = 0;
      for (const file of files) {
        for (const h of hintsOf(file)) {
          hints++;
          details[p].push({ file: relative(file.file), kind: h.kind, text: h.exact, reason: "clean", suggestion: h.suggestion });
        }
      }
      const cleanWords = files.reduce((n, f) => n + f.words, 0);
      return [p, { files: files.length, words: cleanWords, hints, perThousandWords: perThousandWords(hints, cleanWords) }];
    }),
  ) as Record<CorpusPart, CleanFigures>;
  const seed = judge([corpus.seed], null);

  // Targets are judged on the held-out part only: a run without it meets none of them.
  const isHeldOutRead = corpus.parts.includes("held-out");
  const heldOutRecallMet = isHeldOutRead && (essays["held-out"].recall ?? 0) >= TARGETS.heldOutRecall;
  const falseHintsMet = isHeldOutRead && (clean["held-out"].perThousandWords ?? Infinity) <= TARGETS.falseHintsPerThousandWords;
  const seedMet = (seed.recall ?? 0) >= TARGETS.seedRecall;
  return {
    parts: [...corpus.parts],
    essays,
    clean,
    seed,
    timing: { milliseconds, words },
    check: { heldOutRecallMet, falseHintsMet, seedMet, isMet: heldOutRecallMet && falseHintsMet && seedMet },
    details,
  };
}

/** A corpus path as the report shows it: from the corpus folder down. */
function relative(file: string): string {
  const marker = "critique-eval/";
  const at = file.lastIndexOf(marker);
  return at >= 0 ? file.slice(at + marker.length) : file;
}
