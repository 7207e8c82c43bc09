import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Where Debian's package puts it; PGBOUNCER_PATH points elsewhere. */
const DEBIAN_PATH = "/usr/sbin/pgbouncer";

/**
 * PgBouncer for the tests that put a transaction-mode pooler in front of the
 * test PostgreSQL (tests/support/pgbouncer.ts): Debian's package, installed
 * with apt when we are root on Debian, as ensure-chromium.ts installs
 * Chromium. Elsewhere it returns null and `reason` says what to install, so a
 * suite can skip with one line. Returns the executable's path.
 */
export function ensurePgBouncer(purpose = "tests"): { path: string } | { path: null; reason: string } {
  const executable = process.env.PGBOUNCER_PATH ?? DEBIAN_PATH;
  if (existsSync(executable)) return { path: executable };
  const canApt = !process.env.PGBOUNCER_PATH && process.getuid?.() === 0 && existsSync("/etc/debian_version");
  if (!canApt) {
    return { path: null, reason: `${purpose} need PgBouncer at ${executable}: install Debian's "pgbouncer" package, or set PGBOUNCER_PATH.` };
  }
  console.log(`Installing Debian's pgbouncer for ${purpose} (apt-get)…`);
  // Quiet and without starting its service: a container's policy-rc.d (or no init) keeps it stopped, and the tests run their own.
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends", "pgbouncer"]]) {
    const run = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed: install "pgbouncer" by hand, or set PGBOUNCER_PATH.`);
  }
  if (!existsSync(executable)) throw new Error(`apt-get installed pgbouncer, but ${executable} is missing.`);
  return { path: executable };
}

/** For scripts/test.ts: install before the suites start, or say in one line why the pooler tests will skip. */
export function ensurePgBouncerBeforeSuite(purpose: string): void {
  const found = ensurePgBouncer(purpose);
  if (found.path === null) console.log(found.reason);
}
