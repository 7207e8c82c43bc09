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

/**
 * The figures as a Markdown table: one row per figure, a column per part
 * evaluated (tuning, held-out) beside the seed's. A run of the tuning part
 * alone has no held-out column and judges no held-out target.
 */
export function renderTable(result: EvalResult): string {
  const { essays, clean, seed, timing, check, parts } = result;
  const isHeldOut = parts.includes("held-out");
  const headers = parts.map((p) => (p === "tuning" ? "Tuning" : "Held-out"));
  const row = (figure: string, cells: string[], seedCell: string, target: string) => `| ${figure} | ${[...cells, seedCell, target].join(" | ")} |`;
  const perPart = (cell: (f: EssayFigures) => string) => parts.map((p) => cell(essays[p]));
  const recallTarget = isHeldOut ? `held-out ≥ ${TARGETS.heldOutRecall}, seed 1.00: ${yes(check.heldOutRecallMet && check.seedMet)}` : `seed 1.00: ${yes(check.seedMet)}`;
  const cleanTarget = isHeldOut ? `held-out ≤ ${TARGETS.falseHintsPerThousandWords}: ${yes(check.falseHintsMet)}` : `held-out ≤ ${TARGETS.falseHintsPerThousandWords} (not evaluated)`;
  const lines = [
    `| Figure | ${headers.join(" | ")} | Seed | Target |`,
    `| --- | ${parts.map(() => "--:").join(" | ")} | --: | --- |`,
    ...HINT_KINDS.map((k) => {
      const cell = (f: EssayFigures) => recallCell(f.byKind[k].found, f.byKind[k].expected, f.byKind[k].recall);
      return row(`Recall: ${k}`, perPart(cell), cell(seed), "");
    }),
    row("**Recall, all kinds**", perPart((f) => recallCell(f.found, f.expected, f.recall)), recallCell(seed.found, seed.expected, seed.recall), recallTarget),
    row("Precision on the essays (true hints / hints)", perPart((f) => `${fraction(f.precision)} (${f.trueHints}/${f.hints})`), `${fraction(seed.precision)} (${seed.trueHints}/${seed.hints})`, "report"),
    row("False hints on the essays", perPart(falseCell), falseCell(seed), "report"),
    row(
      "**Clean prose: false hints per 1,000 words**",
      parts.map((p) => `${perThousand(clean[p].perThousandWords)} (${clean[p].hints} in ${clean[p].words.toLocaleString("en")} words)`),
      "",
      cleanTarget,
    ),
    row("Essays (words)", perPart((f) => `${f.essays} (${f.words.toLocaleString("en")})`), `${seed.essays} (${seed.words})`, ""),
    row(
      "Time in findHints per 1,000 words",
      parts.map((_, i) => (i === 0 ? `${(timing.milliseconds / (timing.words / 1000)).toFixed(2)} ms (${timing.milliseconds.toFixed(1)} ms for ${timing.words.toLocaleString("en")} words, all parts read)` : "")),
      "",
      "report",
    ),
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
  if (!result.parts.includes("held-out")) lines.push("The held-out part was not read (--tuning-only): nothing about it was computed.", "");
  else if (!parts.includes("held-out")) lines.push("The held-out part is counted, not listed: tune on the tuning part only.", "");
  return lines.join("\n");
}

/** The JSON of bench/: every figure, and the details of the parts asked for (tuning only by default). */
export function toJson(result: EvalResult, generatedAt: string, parts: readonly CorpusPart[] = ["tuning"], speed: SpeedFigures | null = null): string {
  const details = Object.fromEntries(parts.map((p) => [p, result.details[p]]));
  // A part not evaluated has empty figures: they are left out rather than written as zeros.
  const only = <T>(record: Record<CorpusPart, T>) => Object.fromEntries(result.parts.map((p) => [p, record[p]]));
  const figures = { ...result, essays: only(result.essays), clean: only(result.clean) };
  return `${JSON.stringify({ generatedAt, targets: TARGETS, ...figures, details, ...(speed ? { speed } : {}) }, null, 2)}\n`;
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
