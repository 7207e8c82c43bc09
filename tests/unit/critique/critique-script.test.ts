import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEED_FILE } from "./helpers";

const ROOT = path.resolve(__dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const SCRIPT = path.join(ROOT, "scripts/critique.ts");

// Spawning tsx costs about a second per run.
describe("scripts/critique.ts", { timeout: 30_000 }, () => {
  it("prints the seed essay's hints as pretty JSON", () => {
    const out = execFileSync(TSX, [SCRIPT, SEED_FILE], { cwd: ROOT, encoding: "utf8" });
    const report = JSON.parse(out);
    expect(report.slug).toBe("destalinization-origins");
    expect(report.count).toBe(report.hints.length);
    expect(report.hints.map((h: { exact: string }) => h.exact)).toContain("1995");
    expect(out).toContain('\n  "hints": [\n');
  });

  it("exits 1 with one line on stderr for a bad or missing file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "critique-"));
    const bad = path.join(dir, "no-front-matter.md");
    writeFileSync(bad, "# Just a heading\n");
    for (const file of [bad, path.join(dir, "missing.md")]) {
      const run = spawnSync(TSX, [SCRIPT, file], { cwd: ROOT, encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^critique: /);
    }
  });
});
