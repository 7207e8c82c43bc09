import { loadCorpus } from "../critique-eval/corpus";
import { evaluateCorpus, TARGETS } from "../critique-eval/evaluate";
import type { EvalResult } from "../critique-eval/evaluate";
import type { BenchSettings, FigureRow } from "./figure-row";

const BASELINE = "critique hints: no baseline, scored against the key of tests/fixtures/critique-eval";

/**
 * The headline figures of `npm run critique:eval` as rows of the bench table,
 * so results.md shows hint quality beside speed. The key is the oracle; there
 * is no baseline to run, so the ratio column stays empty.
 */
export function critiqueRows(result: EvalResult): FigureRow[] {
  const percent = (r: number | null) => (r ?? 0) * 100;
  const held = result.essays["held-out"];
  const falseHints = result.clean["held-out"].perThousandWords ?? 0;
  return [
    {
      id: "critique.recall-held-out",
      figure: "Critique hints: recall on the held-out essays",
      unit: "%",
      value: percent(held.recall),
      baseline: null,
      baselineLabel: BASELINE,
      target: { text: `≥ ${TARGETS.heldOutRecall * 100} %`, isMet: result.check.heldOutRecallMet },
      details: { byKind: held.byKind, precision: held.precision },
    },
    {
      id: "critique.recall-tuning",
      figure: "Critique hints: recall on the tuning essays",
      unit: "%",
      value: percent(result.essays.tuning.recall),
      baseline: null,
      baselineLabel: BASELINE,
      details: { byKind: result.essays.tuning.byKind, precision: result.essays.tuning.precision },
    },
    {
      id: "critique.false-hints",
      figure: "Critique hints: false hints per 1,000 words of held-out clean prose",
      unit: "count",
      value: Math.round(falseHints * 100) / 100,
      baseline: null,
      baselineLabel: BASELINE,
      target: { text: `≤ ${TARGETS.falseHintsPerThousandWords}`, isMet: result.check.falseHintsMet },
      details: { clean: result.clean },
    },
    {
      id: "critique.recall-seed",
      figure: "Critique hints: recall on the seed essay",
      unit: "%",
      value: percent(result.seed.recall),
      baseline: null,
      baselineLabel: BASELINE,
      target: { text: "100 %", isMet: result.check.seedMet },
    },
    {
      id: "critique.time",
      figure: "Critique hints: findHints time per 1,000 words",
      unit: "ms",
      value: result.timing.milliseconds / (result.timing.words / 1000),
      baseline: null,
      baselineLabel: BASELINE,
      details: result.timing,
    },
  ];
}

/** 6. Critique hints: the evaluation corpus, pure and in-process. */
export function runCritiqueFigure(settings: BenchSettings): FigureRow[] {
  const result = evaluateCorpus(loadCorpus());
  settings.log(`  held-out recall ${((result.essays["held-out"].recall ?? 0) * 100).toFixed(1)} %, ${result.timing.milliseconds.toFixed(0)} ms for ${result.timing.words} words`);
  return critiqueRows(result);
}
