/**
 * Evaluates the critique hints on the corpus of tests/fixtures/critique-eval:
 *
 *   npm run critique:eval                    # prints the figures, writes bench/critique-eval.{json,md}
 *   npm run critique:eval -- --check         # …and exits 1 when a target is missed
 *   npm run critique:eval -- --tuning-only   # the tuning part (+ added essays and the retired held-out files of
 *                                            # rounds one and two) and the seed only: the held-out files (round
 *                                            # three's, in round3/) are not even read; nothing is written unless --out is given
 *   npm run critique:eval -- --show-held-out # also lists the held-out part's misses and false hints
 *   npm run critique:eval -- --corpus=DIR --out=DIR   # another corpus (with its manifest.json), another output folder
 *   npm run critique:eval -- --no-speed      # skip the 1 MB timing and the word list's start-up figures
 *
 * It reports; without --check it exits 0 whatever the figures, and 1 only
 * when the corpus itself cannot be read (a key that no longer fits its essay).
 * --check fails when held-out recall is under 0.9, the held-out clean prose
 * gets more than 1 false hint per 1,000 words, or the seed's recall drops
 * under 100 %. The held-out part is round three's alone (round3/, HELD_OUT_ROUND
 * in ./critique-eval/corpus): its column gives recall per kind and overall and
 * false hints per 1,000 words of its own clean prose (round3/clean), and a line
 * under the table says which rounds and how many words it holds.
 * --tuning-only is what to run while changing a detector: the
 * held-out part measures, once, what the tuning did; --check and
 * --show-held-out need the held-out part and are refused with it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CORPUS_PARTS, HELD_OUT_ROUND, describeHeldOut, loadCorpus } from "./critique-eval/corpus";
import type { CorpusPart } from "./critique-eval/corpus";
import { evaluateCorpus } from "./critique-eval/evaluate";
import { renderDetails, renderMarkdown, renderSpeed, renderTable, toJson } from "./critique-eval/report";
import { measureSpeed } from "./critique-eval/speed";
import type { SpeedFigures } from "./critique-eval/speed";

const BENCH_DIR = path.resolve(__dirname, "../bench");

/** The value of `--name=value`, if given. */
function option(argv: readonly string[], name: string): string | undefined {
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function main(argv: readonly string[]): number {
  const isCheck = argv.includes("--check");
  const isTuningOnly = argv.includes("--tuning-only");
  const isShowHeldOut = argv.includes("--show-held-out");
  if (isTuningOnly && (isCheck || isShowHeldOut)) {
    process.stderr.write(`critique:eval: ${isCheck ? "--check" : "--show-held-out"} needs the held-out part; --tuning-only leaves it unread\n`);
    return 2;
  }
  const corpusDir = option(argv, "corpus");
  const outOption = option(argv, "out");
  // A tuning run must not overwrite the committed figures of bench/ with a table that has no held-out column.
  const outDir = outOption !== undefined ? path.resolve(outOption) : isTuningOnly ? null : BENCH_DIR;
  const evaluated: readonly CorpusPart[] = isTuningOnly ? ["tuning"] : CORPUS_PARTS;
  const parts: CorpusPart[] = isShowHeldOut ? ["tuning", "held-out"] : ["tuning"];
  let result;
  let speed: SpeedFigures | null = null;
  let heldOut: string | null = null;
  try {
    const corpus = loadCorpus(corpusDir ? path.resolve(corpusDir) : undefined, { parts: evaluated });
    result = evaluateCorpus(corpus);
    heldOut = describeHeldOut(corpus);
    if (!argv.includes("--no-speed")) speed = measureSpeed(corpus);
  } catch (error) {
    process.stderr.write(`critique:eval: ${(error as Error).message.split("\n")[0]}\n`);
    return 1;
  }
  const generatedAt = new Date().toISOString();
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, "critique-eval.json"), toJson(result, generatedAt, parts, speed));
    writeFileSync(path.join(outDir, "critique-eval.md"), renderMarkdown(result, generatedAt, parts, speed));
  }
  const out = [renderTable(result), "", ...(speed ? [renderSpeed(speed), ""] : [])];
  for (const part of parts) out.push(`Misses and false hints, ${part} part:`, ...renderDetails(result.details[part]), "");
  if (isTuningOnly) out.push("Tuning part only: the held-out files were not read.", `(The held-out files are round ${HELD_OUT_ROUND}'s, in round3/.)`);
  if (heldOut) out.push(heldOut);
  if (outDir) out.push(`Wrote ${path.relative(process.cwd(), outDir) || "."}/critique-eval.json and critique-eval.md.`);
  if (isCheck) out.push(result.check.isMet ? "critique:eval --check: every target met." : "critique:eval --check: a target is missed.");
  process.stdout.write(`${out.join("\n")}\n`);
  return isCheck && !result.check.isMet ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
