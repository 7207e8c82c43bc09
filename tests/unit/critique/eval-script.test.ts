import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tinyCorpus } from "./eval-helpers";

const ROOT = path.resolve(__dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const SCRIPT = path.join(ROOT, "scripts/critique-eval.ts");

function run(...args: string[]) {
  return spawnSync(TSX, [SCRIPT, "--no-speed", ...args], { cwd: ROOT, encoding: "utf8" });
}

// Spawning tsx costs about a second per run.
describe("scripts/critique-eval.ts", { timeout: 60_000 }, () => {
  it("--tuning-only evaluates the tuning part and the seed, and prints and writes nothing about the held-out part", () => {
    const out = mkdtempSync(path.join(tmpdir(), "critique-eval-out-"));
    const result = run("--tuning-only", `--out=${out}`);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("| **Recall, all kinds** |");
    expect(result.stdout).toContain("the held-out files were not read");
    expect(result.stdout).not.toMatch(/\| Held-out \|/);
    const json = JSON.parse(readFileSync(path.join(out, "critique-eval.json"), "utf8"));
    expect(json.parts).toEqual(["tuning"]);
    expect(Object.keys(json.essays)).toEqual(["tuning"]);
    expect(Object.keys(json.clean)).toEqual(["tuning"]);
    expect(json.essays.tuning.expected).toBeGreaterThanOrEqual(50);
    expect(json.seed.expected).toBe(9);
    expect(JSON.stringify(json)).not.toContain("held-out");
  });

  it("--tuning-only writes no bench files unless --out is given, and refuses --check and --show-held-out", () => {
    const { dir } = tinyCorpus();
    const cwd = mkdtempSync(path.join(tmpdir(), "critique-eval-cwd-"));
    const quiet = spawnSync(TSX, [SCRIPT, "--no-speed", "--tuning-only", `--corpus=${dir}`], { cwd, encoding: "utf8" });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain("Wrote");
    expect(existsSync(path.join(cwd, "critique-eval.json"))).toBe(false);
    for (const flag of ["--check", "--show-held-out"]) {
      const refused = run("--tuning-only", flag, `--corpus=${dir}`);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(`${flag} needs the held-out part`);
    }
  });

  it("without --tuning-only: figures of both parts in the JSON, the held-out part counted but not listed", () => {
    const { dir, out } = tinyCorpus();
    const result = run(`--corpus=${dir}`, `--out=${out}`);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\| Figure \| Tuning \| Held-out \| Seed \| Target \|/);
    const json = JSON.parse(readFileSync(path.join(out, "critique-eval.json"), "utf8"));
    expect(json.parts).toEqual(["tuning", "held-out"]);
    expect(json.essays["held-out"].expected).toBe(9);
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
