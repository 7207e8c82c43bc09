import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isPostgresProcess } from "../../../scripts/db/postgres-lock";

/*
 * A PostgreSQL lock file (postmaster.pid) left by a run killed in a reboot
 * names a pid that another process may hold by now. The embedded server must
 * then start its own cluster, not wait on a server that is not there (CI's
 * e2e step once failed with ECONNREFUSED that way).
 */
describe("a lock file's pid counts as a running PostgreSQL only if it is one", () => {
  it("a live process that is not postgres (this test runner) is not", () => {
    expect(isPostgresProcess(process.pid)).toBe(false);
  });

  it("a pid no process holds, and no pid at all, are not", async () => {
    const child = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => child.on("exit", resolve));
    expect(isPostgresProcess(child.pid!)).toBe(false);
    expect(isPostgresProcess(0)).toBe(false);
    expect(isPostgresProcess(Number.NaN)).toBe(false);
  });

  it("a process whose command line names postgres is", async () => {
    // exec -a sets argv[0]: a stand-in whose /proc cmdline reads like the server's.
    const child = spawn("bash", ["-c", "exec -a /usr/lib/postgresql/bin/postgres sleep 5"]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(isPostgresProcess(child.pid!)).toBe(true);
    } finally {
      child.kill();
    }
  });
});
