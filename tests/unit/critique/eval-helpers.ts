import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FIXTURE_DIR, SEED_FILE } from "./helpers";

const SEED_KEY = path.resolve(__dirname, "../../fixtures/critique-eval/seed/destalinization-origins.key.json");

/**
 * A corpus of the seed alone (its key, plus `extraErrors`), as both parts,
 * with the unit tests' correct-prose fixtures as clean prose, in a temporary
 * folder. Tests of the evaluation's held-out handling run on it, so that
 * running the unit tests never evaluates the real held-out part: that is
 * done once, by hand, after tuning.
 */
export function tinyCorpus(extraErrors: object[] = []): { dir: string; out: string } {
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
