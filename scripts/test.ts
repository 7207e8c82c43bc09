/**
 * `npm test`: the whole suite, in the order that fails fastest — the runner's
 * self-test, typecheck, lint, unit, integration (real PostgreSQL), e2e (real
 * Chromium). Every step runs even when an earlier one fails, so one run shows
 * everything; the exit code is non-zero if any step failed. A step fails when
 * its command exits non-zero OR its closing line counts a failed test, so a
 * tool that loses its exit code cannot hide a failure. Pass step names to run
 * only those.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium";
import { ensurePgBouncerBeforeSuite } from "./ensure-pgbouncer";

interface Step {
  name: string;
  command: string[];
  before?: () => void;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const SUITES: Step[] = [
  { name: "unit", command: ["npx", "vitest", "run"] },
  // Both put a real PgBouncer in front of the test database (tests/support/pgbouncer.ts): installed with apt as root on Debian.
  { name: "integration", command: ["npx", "vitest", "run", "--config", "tests/integration/vitest.config.ts"], before: () => ensurePgBouncerBeforeSuite("integration") },
  {
    name: "e2e",
    command: ["npx", "playwright", "test"],
    before: () => {
      ensureChromium();
      ensurePgBouncerBeforeSuite("e2e");
    },
  },
];

const STEPS: Step[] = [
  { name: "selftest", command: [] },
  { name: "typecheck", command: ["npx", "tsc", "--noEmit", "-p", "."] },
  { name: "lint", command: ["npx", "eslint", "--max-warnings=0", "."] },
  ...SUITES,
];

/** A step passed only if it exited 0 and its own closing line counts no failed test. */
function isPassing(code: number | null, counts: Counts): boolean {
  return code === 0 && counts.failed === 0;
}

/** Test counts from vitest's and Playwright's closing lines. */
function countResults(output: string): Counts {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  const vitest = /^\s*Tests\s+(.*)$/m.exec(plain);
  const pick = (text: string, word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(text)?.[1] ?? 0);
  if (vitest) return { passed: pick(vitest[1], "passed"), failed: pick(vitest[1], "failed"), skipped: pick(vitest[1], "skipped") };
  const lines = plain.split("\n").filter((l) => /^\s+\d+ (passed|failed|skipped|flaky)/.test(l)).join(" ");
  return { passed: pick(lines, "passed"), failed: pick(lines, "failed"), skipped: pick(lines, "skipped") };
}

function runCommand(
  command: string[],
  options: { env?: Record<string, string>; echo?: boolean } = {},
): Promise<{ code: number | null; output: string }> {
  const echo = options.echo ?? true;
  return new Promise((resolve) => {
    const [cmd, ...args] = command;
    const env = { ...process.env, FORCE_COLOR: "1", ...options.env };
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
      if (echo) process.stdout.write(d);
    });
    child.stderr.on("data", (d) => {
      output += d;
      if (echo) process.stderr.write(d);
    });
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function runStep(step: Step): Promise<{ ok: boolean; output: string }> {
  if (step.name === "selftest") return selfTest();
  const { code, output } = await runCommand(step.command);
  return { ok: isPassing(code, countResults(output)), output };
}

const SKIP_REASON = "skipped, conformance material not found";

/**
 * The runner checks itself before it is trusted with the suites:
 * - each suite run with TEST_PROBE=1 (only its deliberately failing probe, see
 *   tests/probe) must exit non-zero, count the failure and be judged failed;
 * - a user's clone without ../shared (CONFORMANCE_DIR pointing nowhere) must
 *   pass the suites that read it, skipped with their one-line reason, while
 *   the export/import tests that need no schemas still run.
 */
async function selfTest(): Promise<{ ok: boolean; output: string }> {
  const problems: string[] = [];
  for (const suite of SUITES) {
    suite.before?.();
    const { code, output } = await runCommand(suite.command, { env: { TEST_PROBE: "1" }, echo: false });
    const counts = countResults(output);
    const verdict = `exit ${code}, ${counts.passed} passed, ${counts.failed} failed`;
    if (code === 0 || counts.failed !== 1 || counts.passed !== 1 || isPassing(code, counts)) {
      problems.push(`${suite.name}: its failing probe must fail the step (got ${verdict})`);
    } else {
      console.log(`ok    ${suite.name} probe fails the step (${verdict})`);
    }
  }
  const absent = { CONFORMANCE_DIR: "/nonexistent/marginalia-conformance" };
  const freshClone: { suite: string; command: string[]; mustRun?: RegExp }[] = [
    {
      suite: "unit",
      command: [...SUITES[0].command, "--reporter=verbose", "tests/unit/w3c", "tests/unit/anchoring/conformance.test.ts", "tests/unit/rich-text/rich-text-view.test.ts", "tests/unit/content/parse-essay.test.ts"],
    },
    { suite: "integration", command: [...SUITES[1].command, "--reporter=verbose", "tests/integration/export-import.test.ts"], mustRun: /round-trips an export/ },
  ];
  for (const check of freshClone) {
    const { code, output } = await runCommand(check.command, { env: absent, echo: false });
    const counts = countResults(output);
    const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
    const verdict = `exit ${code}, ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
    const isSkippedWithReason = counts.skipped > 0 && plain.includes(SKIP_REASON);
    const didOthersRun = counts.passed > 0 && (!check.mustRun || check.mustRun.test(plain));
    if (!isPassing(code, counts) || !isSkippedWithReason || !didOthersRun) {
      problems.push(`${check.suite} without ../shared: must pass, skip with "${SKIP_REASON}" and still run the rest (got ${verdict})`);
    } else {
      console.log(`ok    ${check.suite} without ../shared (${verdict})`);
    }
  }
  for (const problem of problems) console.log(`FAIL  ${problem}`);
  return { ok: problems.length === 0, output: "" };
}

async function main() {
  const only = process.argv.slice(2);
  const steps = only.length ? STEPS.filter((s) => only.includes(s.name)) : STEPS;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const summary: string[] = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let failedSteps = 0;
  let silentFailures = 0;
  for (const step of steps) {
    console.log(`\n━━ ${step.name} ━━`);
    const started = Date.now();
    let result: { ok: boolean; output: string };
    try {
      step.before?.();
      result = await runStep(step);
    } catch (error) {
      console.error((error as Error).message);
      result = { ok: false, output: "" };
    }
    const counts = countResults(result.output);
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    if (!result.ok) failedSteps += 1;
    // A failed step with no failing test to show for it (tsc, eslint, a crash) counts as one failure.
    if (!result.ok && counts.failed === 0) silentFailures += 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const detail = counts.passed + counts.failed + counts.skipped > 0 ? ` (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped)` : "";
    summary.push(`${result.ok ? "ok  " : "FAIL"} ${step.name.padEnd(12)} ${seconds.padStart(6)} s${detail}`);
  }
  console.log(`\n━━ summary ━━\n${summary.join("\n")}`);
  const closing = `${passed} passed, ${failed + silentFailures} failed, ${skipped} skipped`;
  console.log(`\n${closing}`);
  // .ci/run repeats this as its last line after the quick bench.
  mkdirSync(".data", { recursive: true });
  writeFileSync(".data/test-summary.txt", `${closing}\n`);
  process.exit(failedSteps > 0 ? 1 : 0);
}

void main();
