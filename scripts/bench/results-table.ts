import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ratioOf, type FigureRow } from "./figure-row";

/** The run's outcome, as results.json stores it. */
export interface BenchReport {
  mode: "quick" | "full";
  startedAt: string;
  seconds: number;
  rows: FigureRow[];
  /** Figures that crashed, with the reason. */
  failures: { figure: string; message: string }[];
}

function format(value: number | null, unit: FigureRow["unit"]): string {
  if (value === null || !Number.isFinite(value)) return "–";
  const n = unit === "count" ? value.toLocaleString("en") : value.toLocaleString("en", { maximumFractionDigits: unit === "%" ? 2 : 1 });
  return unit === "count" ? n : unit === "%" ? `${n} %` : `${n} ${unit}`;
}

function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** The table: figure, ours, baseline, ratio, target, met; then what each baseline is. */
export function renderMarkdown(report: BenchReport): string {
  const m = machine();
  const lines = [
    `# Bench results (${report.mode})`,
    "",
    `${report.startedAt}, ${report.seconds} s, ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}. \`npm run bench${report.mode === "quick" ? " -- --quick" : ""}\` wrote this.`,
    "",
    "| Figure | Ours | Baseline | Ratio | Target | Met? |",
    "| --- | --: | --: | --: | --- | --- |",
  ];
  for (const row of report.rows) {
    const ratio = ratioOf(row);
    lines.push(
      `| ${row.figure} | ${format(row.value, row.unit)} | ${format(row.baseline, row.unit)} | ${ratio === null ? "–" : `${ratio.toFixed(2)}×`} | ${row.target?.text ?? "report"} | ${row.target ? (row.target.isMet ? "yes" : "**no**") : "–"} |`,
    );
  }
  const baselines = [...new Set(report.rows.map((r) => r.baselineLabel))];
  lines.push("", "Baselines (same run, same machine):", ...baselines.map((b) => `- ${b}`));
  if (report.failures.length > 0) {
    lines.push("", "Figures that crashed:", ...report.failures.map((f) => `- ${f.figure}: ${f.message}`));
  }
  return `${lines.join("\n")}\n`;
}

/** Writes results.json (rows with details and ratios) and results.md into `dir`; returns the Markdown. */
export function writeReport(report: BenchReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const json = { ...report, machine: machine(), rows: report.rows.map((r) => ({ ...r, ratio: ratioOf(r) })) };
  writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(json, null, 2)}\n`);
  const markdown = renderMarkdown(report);
  writeFileSync(path.join(dir, "results.md"), markdown);
  return markdown;
}
