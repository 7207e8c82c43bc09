/**
 * Renders an evaluation: the table printed by `npm run critique:eval` (also
 * written to bench/critique-eval.md) and the JSON of bench/critique-eval.json.
 * Held-out misses and false hints are counted but not listed unless asked
 * for, so that nobody tunes a detector on them by accident.
 */
import { HINT_KINDS } from "../../lib/critique/types";
import type { CorpusPart } from "./corpus";
import { TARGETS } from "./evaluate";
import type { Detail, EssayFigures, EvalResult } from "./evaluate";
import { ONE_MEGABYTE_BUDGET_MS } from "./speed";
import type { SpeedFigures } from "./speed";

function fraction(value: number | null): string {
  return value === null ? "–" : value.toFixed(2);
}

function recallCell(found: number, expected: number, recall: number | null): string {
  return `${fraction(recall)} (${found}/${expected})`;
}

function perThousand(value: number | null): string {
  return value === null ? "–" : value.toFixed(2);
}

function falseCell(f: EssayFigures): string {
  const { "wrong-kind": wrongKind, trap, unkeyed } = f.falseByVerdict;
  return `${f.hints - f.trueHints} (wrong kind ${wrongKind}, trap ${trap}, unkeyed ${unkeyed})`;
}

/** The figures as a Markdown table: one row per figure, tuning and held-out side by side. */
export function renderTable(result: EvalResult): string {
  const { essays, clean, seed, timing, check } = result;
  const t = essays.tuning;
  const h = essays["held-out"];
  const lines = [
    "| Figure | Tuning | Held-out | Seed | Target |",
    "| --- | --: | --: | --: | --- |",
    ...HINT_KINDS.map((k) => {
      const cell = (f: EssayFigures) => recallCell(f.byKind[k].found, f.byKind[k].expected, f.byKind[k].recall);
      return `| Recall: ${k} | ${cell(t)} | ${cell(h)} | ${cell(seed)} | |`;
    }),
    `| **Recall, all kinds** | ${recallCell(t.found, t.expected, t.recall)} | ${recallCell(h.found, h.expected, h.recall)} | ${recallCell(seed.found, seed.expected, seed.recall)} | held-out ≥ ${TARGETS.heldOutRecall}, seed 1.00: ${yes(check.heldOutRecallMet && check.seedMet)} |`,
    `| Precision on the essays (true hints / hints) | ${fraction(t.precision)} (${t.trueHints}/${t.hints}) | ${fraction(h.precision)} (${h.trueHints}/${h.hints}) | ${fraction(seed.precision)} (${seed.trueHints}/${seed.hints}) | report |`,
    `| False hints on the essays | ${falseCell(t)} | ${falseCell(h)} | ${falseCell(seed)} | report |`,
    `| **Clean prose: false hints per 1,000 words** | ${perThousand(clean.tuning.perThousandWords)} (${clean.tuning.hints} in ${clean.tuning.words.toLocaleString("en")} words) | ${perThousand(clean["held-out"].perThousandWords)} (${clean["held-out"].hints} in ${clean["held-out"].words.toLocaleString("en")} words) | | held-out ≤ ${TARGETS.falseHintsPerThousandWords}: ${yes(check.falseHintsMet)} |`,
    `| Essays (words) | ${t.essays} (${t.words.toLocaleString("en")}) | ${h.essays} (${h.words.toLocaleString("en")}) | ${seed.essays} (${seed.words}) | |`,
    `| Time in findHints per 1,000 words | ${(timing.milliseconds / (timing.words / 1000)).toFixed(2)} ms (${timing.milliseconds.toFixed(1)} ms for ${timing.words.toLocaleString("en")} words, all parts) | | | report |`,
  ];
  return lines.join("\n");
}

function yes(isMet: boolean): string {
  return isMet ? "yes" : "**no**";
}

/** Misses and false hints of one part, one line each. */
export function renderDetails(details: readonly Detail[]): string[] {
  return details.map((d) => {
    const fix = d.suggestion === undefined ? "" : ` → ${JSON.stringify(d.suggestion)}`;
    const what = d.reason === "missed" ? `missed ${d.kind}` : `false ${d.kind} (${d.reason})`;
    return `- ${d.file}: ${what}: “${d.text}”${fix}`;
  });
}

/** The Markdown file of bench/: the table and the tuning part's details. */
export function renderMarkdown(result: EvalResult, generatedAt: string, parts: readonly CorpusPart[] = ["tuning"], speed: SpeedFigures | null = null): string {
  const lines = [
    "# Critique hints on the evaluation corpus",
    "",
    `${generatedAt}. \`npm run critique:eval\` wrote this from tests/fixtures/critique-eval (see its README). A hint counts`,
    "when it overlaps a key error and has its kind; every other hint is false.",
    "",
    renderTable(result),
    "",
    ...(speed ? [renderSpeed(speed), ""] : []),
  ];
  for (const part of parts) {
    lines.push(`Misses and false hints, ${part} part:`, "", ...renderDetails(result.details[part]), "");
  }
  if (!parts.includes("held-out")) lines.push("The held-out part is counted, not listed: tune on the tuning part only.", "");
  return lines.join("\n");
}

/** The JSON of bench/: every figure, and the details of the parts asked for (tuning only by default). */
export function toJson(result: EvalResult, generatedAt: string, parts: readonly CorpusPart[] = ["tuning"], speed: SpeedFigures | null = null): string {
  const details = Object.fromEntries(parts.map((p) => [p, result.details[p]]));
  return `${JSON.stringify({ generatedAt, targets: TARGETS, ...result, details, ...(speed ? { speed } : {}) }, null, 2)}\n`;
}

/** The speed figures: the word list's start-up and a 1 MB reading against the issue's one-second bound. */
export function renderSpeed(speed: SpeedFigures): string {
  const { lexicon, reading } = speed;
  const perThousand = reading.bestCpuMs / (reading.words / 1000);
  return [
    `| Speed (load average ${speed.loadAverage.toFixed(1)} on 2 cores while measuring) | Value | Target |`,
    "| --- | --: | --- |",
    `| Word list start-up (nspell, dictionary-en + en-gb), once per process | ${lexicon.loadMs.toFixed(0)} ms (includes loading nspell), ${Number.isNaN(lexicon.rssMb) ? "memory not measured" : `${lexicon.rssMb.toFixed(0)} MB resident`} (a fresh process) | report |`,
    `| findHints on a ${(reading.bytes / 1e6).toFixed(2)} MB reading (${reading.words.toLocaleString("en")} words, tuning prose), CPU time, best of ${reading.cpuMs.length} | ${reading.bestCpuMs.toFixed(0)} ms (${perThousand.toFixed(2)} ms per 1,000 words; ${reading.hints} hints) | ≤ ${ONE_MEGABYTE_BUDGET_MS} ms: ${yes(reading.bestCpuMs <= ONE_MEGABYTE_BUDGET_MS)} |`,
    `| …the same, wall clock | best ${reading.bestMs.toFixed(0)} ms, median ${reading.medianMs.toFixed(0)} ms | report |`,
  ].join("\n");
}
