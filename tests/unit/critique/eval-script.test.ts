import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIR, SEED_FILE } from "./helpers";

const ROOT = path.resolve(__dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const SCRIPT = path.join(ROOT, "scripts/critique-eval.ts");
const SEED_KEY = path.join(ROOT, "tests/fixtures/critique-eval/seed/destalinization-origins.key.json");

function run(...args: string[]) {
  return spawnSync(TSX, [SCRIPT, "--no-speed", ...args], { cwd: ROOT, encoding: "utf8" });
}

/**
 * A corpus of the seed alone (its key, plus `extraErrors`), with the unit
 * tests' correct-prose fixtures as clean prose, in a temporary folder.
 */
function tinyCorpus(extraErrors: object[] = []): { dir: string; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "critique-eval-"));
  const key = JSON.parse(readFileSync(SEED_KEY, "utf8"));
  writeFileSync(path.join(dir, "seed.key.json"), JSON.stringify({ ...key, essay: SEED_FILE, errors: [...key.errors, ...extraErrors] }));
  const manifest = {
    essays: [
      { file: SEED_FILE, key: "seed.key.json", part: "tuning" },
      { file: SEED_FILE, key: "seed.key.json", part: "held-out" },
    ],
    clean: [
      { file: path.join(FIXTURE_DIR, "soviet-thaw.md"), part: "tuning" },
      { file: path.join(FIXTURE_DIR, "early-modern-and-industrial.md"), part: "held-out" },
    ],
    seed: { file: SEED_FILE, key: "seed.key.json" },
  };
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  return { dir, out: path.join(dir, "out") };
}

// Spawning tsx costs about a second per run.
describe("scripts/critique-eval.ts", { timeout: 60_000 }, () => {
  it("evaluates the corpus: figures per part in the JSON, the held-out part counted but not listed", () => {
    const out = mkdtempSync(path.join(tmpdir(), "critique-eval-out-"));
    const result = run(`--out=${out}`);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("| **Recall, all kinds** |");
    const json = JSON.parse(readFileSync(path.join(out, "critique-eval.json"), "utf8"));
    expect(json.essays.tuning.expected).toBeGreaterThanOrEqual(50);
    expect(json.essays["held-out"].expected).toBeGreaterThanOrEqual(50);
    expect(json.clean.tuning.words + json.clean["held-out"].words).toBeGreaterThanOrEqual(5000);
    expect(json.seed.expected).toBe(9);
    expect(Object.keys(json.details)).toEqual(["tuning"]);
    expect(readFileSync(path.join(out, "critique-eval.md"), "utf8")).toContain("counted, not listed");
  });

  it("--check exits 0 when every target is met", () => {
    const { dir, out } = tinyCorpus();
    const result = run(`--corpus=${dir}`, `--out=${out}`, "--check");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("every target met");
    expect(result.status).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, "critique-eval.json"), "utf8"));
    expect(json.essays["held-out"].recall).toBe(1);
    expect(json.clean["held-out"].hints).toBe(0);
  });

  it("--check exits 1 when held-out recall misses the target; without --check it still exits 0", () => {
    // No detector can know that this correct name is an error: recall falls under 0.9.
    const { dir, out } = tinyCorpus([{ quote: "Molotov", occurrence: 1, kind: "term-drift", correction: "Molotov" }]);
    const checked = run(`--corpus=${dir}`, `--out=${out}`, "--check");
    expect(checked.stdout).toContain("a target is missed");
    expect(checked.status).toBe(1);
    expect(run(`--corpus=${dir}`, `--out=${out}`).status).toBe(0);
  });

  it("exits 1 with one line on stderr when a key no longer fits its essay", () => {
    const { dir, out } = tinyCorpus([{ quote: "Brezhnev", occurrence: 1, kind: "term-drift", correction: "" }]);
    const result = run(`--corpus=${dir}`, `--out=${out}`);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^critique:eval: .*seed\.key\.json: “Brezhnev”/);
  });
});
