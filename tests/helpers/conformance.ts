import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Where the shared conformance material lives: $CONFORMANCE_DIR when it is
 * set (a path that does not exist then means "absent", which is how the
 * self-test plays a user's fresh clone), else ../shared/conformance beside the
 * clone. Null on a user's fresh clone, where the suites that need it skip with
 * one line saying why.
 */
export function findConformanceDir(): string | null {
  const chosen = process.env.CONFORMANCE_DIR || path.resolve(__dirname, "../../../shared/conformance");
  return existsSync(chosen) ? chosen : null;
}

/**
 * Title for a suite that needs the shared material: its name when the material
 * is there, else the one-line reason it is skipped (shown in the test report).
 */
export function suiteTitle(what: string): string {
  if (findConformanceDir()) return what;
  const reason = `${what}: skipped, conformance material not found (set CONFORMANCE_DIR or place ../shared beside the clone)`;
  // Reporters list skipped suites' titles only in verbose mode; the line must show in every run.
  console.warn(reason);
  return reason;
}

/** The seed essay, when the shared folder is present. */
export function findSeedFile(): string | null {
  const dir = findConformanceDir();
  const seed = dir ? path.resolve(dir, "../seed/000_528ec5eea072e5b8.txt") : null;
  return seed && existsSync(seed) ? seed : null;
}
