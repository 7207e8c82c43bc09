/**
 * How fast the hints are on a long reading and what the word list costs to
 * start (issue 13 §5: a 1 MB reading in at most a second; start-up paid once
 * per process). Measured in this process, on the tuning part only, so that
 * nothing is learned from the held-out essays even here.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import type { Block } from "../../lib/content/types";
import { findHints } from "../../lib/critique/find-hints";
import type { CritiqueInput } from "../../lib/critique/types";
import { createEnglishLexicon, loadEnglishLexicon } from "../../lib/lexicon/load-english-lexicon";
import type { Corpus } from "./corpus";

/** The figures of one speed run. */
export interface SpeedFigures {
  lexicon: { loadMs: number; rssMb: number };
  /**
   * Wall-clock and CPU time of each run. On a machine another test run keeps
   * busy, the wall clock measures the wait for a core; the CPU time is what
   * the worker thread itself spends, which is the wall time on an idle core.
   */
  reading: { bytes: number; words: number; runsMs: number[]; cpuMs: number[]; bestMs: number; bestCpuMs: number; medianMs: number; hints: number };
  /** The machine's 1-minute load average while measuring, so a reader can judge the wall-clock figures. */
  loadAverage: number;
}

/** The bound for a 1 MB reading. */
export const ONE_MEGABYTE_BUDGET_MS = 1_000;

/**
 * A reading of about `bytes` bytes made of the tuning essays' and clean
 * files' blocks in a fixed shuffled order: real prose (names, dates, planted
 * errors), not one paragraph repeated.
 */
export function longReading(corpus: Corpus, bytes = 1_000_000): CritiqueInput {
  const sources = [...corpus.essays, ...corpus.clean].filter((t) => t.part === "tuning");
  const blocks = sources.flatMap((t) => t.input.blocks.map((b) => ({ type: b.type, text: t.input.text.slice(b.start, b.end) })));
  let text = "";
  const out: Block[] = [];
  for (let state = 1; Buffer.byteLength(text) < bytes; ) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 1;
    const block = blocks[state % blocks.length];
    if (text) text += "\n";
    out.push({ type: block.type, ...(block.type === "heading" ? { level: 2 } : {}), start: text.length, end: text.length + block.text.length });
    text += block.text;
  }
  return { text, blocks: out, title: "A survey of modern history" };
}

/**
 * The word list's start-up in a fresh Node process, as a worker thread pays
 * it: time to load, and resident memory before and after (measured there
 * because in this process the shared instance already holds its memory).
 */
function measureLexiconStartup(): { loadMs: number; rssMb: number } {
  const script = [
    "const before = process.memoryUsage().rss;",
    "const started = performance.now();",
    `const { createEnglishLexicon } = require(${JSON.stringify(path.resolve(__dirname, "../../lib/lexicon/load-english-lexicon.ts"))});`,
    "createEnglishLexicon().isWord('warm');",
    "const loadMs = performance.now() - started;",
    "globalThis.gc?.();",
    "console.log(JSON.stringify({ loadMs, rssMb: (process.memoryUsage().rss - before) / 1e6 }));",
  ].join("\n");
  const run = spawnSync(process.execPath, ["--expose-gc", "--require", "tsx/cjs", "-e", script], { encoding: "utf8", cwd: path.resolve(__dirname, "../..") });
  if (run.status !== 0) {
    // Measured here instead: the time holds, the memory is not known.
    const started = performance.now();
    createEnglishLexicon().isWord("warm");
    return { loadMs: performance.now() - started, rssMb: Number.NaN };
  }
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { loadMs: number; rssMb: number };
}

/** Times the word list's start-up and findHints on a 1 MB reading (best and median of `runs`). */
export function measureSpeed(corpus: Corpus, runs = 5): SpeedFigures {
  const { loadMs, rssMb } = measureLexiconStartup();
  const lexicon = loadEnglishLexicon();
  const input = longReading(corpus);
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let hints = 0;
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    hints = findHints(input, { lexicon }).length;
    runsMs.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const words = (input.text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
  return {
    lexicon: { loadMs, rssMb },
    reading: {
      bytes: Buffer.byteLength(input.text),
      words,
      runsMs,
      cpuMs,
      bestMs: sorted[0],
      bestCpuMs: Math.min(...cpuMs),
      medianMs: sorted[Math.floor(sorted.length / 2)],
      hints,
    },
    loadAverage: loadavg()[0],
  };
}
