import { existsSync, readFileSync } from "node:fs";

/**
 * Whether `pid` is a live PostgreSQL server. After a reboot the lock's pid may
 * belong to some other process by now, so being alive is not enough: where
 * /proc can tell, the process must be a postgres.
 */
export function isPostgresProcess(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return !existsSync("/proc/self"); // no /proc (macOS): trust the signal check
  }
}
