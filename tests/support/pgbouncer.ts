import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { ensurePgBouncer } from "../../scripts/ensure-pgbouncer";

export interface RunningPgBouncer {
  /** `databaseUrl` with its host and port swapped for the pooler's. */
  pooledUrl: string;
  port: number;
  stop: () => Promise<void>;
}

/** A port nothing listens on right now (the kernel's pick). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The uid and gid of a user, for dropping root (PgBouncer refuses to run as root). */
function idsOf(user: string): { uid: number; gid: number } | null {
  const uid = Number(spawnSync("id", ["-u", user], { encoding: "utf8" }).stdout.trim());
  const gid = Number(spawnSync("id", ["-g", user], { encoding: "utf8" }).stdout.trim());
  return Number.isInteger(uid) && uid > 0 && Number.isInteger(gid) ? { uid, gid } : null;
}

/**
 * PgBouncer in transaction mode in front of `databaseUrl`'s server, set up as
 * a managed pooler is: every client statement may run on another server
 * connection, and startup parameters other than the usual few are refused.
 * Any database name is passed through, with the server credentials of
 * `databaseUrl`. Null (with the reason) where PgBouncer is not installed and
 * cannot be (see scripts/ensure-pgbouncer.ts).
 */
export async function startPgBouncer(databaseUrl: string): Promise<RunningPgBouncer | { reason: string }> {
  const found = ensurePgBouncer("the pooled-connection tests");
  if (found.path === null) return { reason: found.reason };
  const server = new URL(databaseUrl);
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "marginalia-pgbouncer-"));
  const ini = path.join(dir, "pgbouncer.ini");
  writeFileSync(
    ini,
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port} user=${decodeURIComponent(server.username)} password=${decodeURIComponent(server.password)}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = any",
      "pool_mode = transaction",
      "max_client_conn = 400",
      "default_pool_size = 20",
      "server_lifetime = 3600",
      "log_connections = 0",
      "log_disconnections = 0",
      "",
    ].join("\n"),
  );
  chmodSync(dir, 0o755);
  chmodSync(ini, 0o644);
  const asUser = process.getuid?.() === 0 ? idsOf("postgres") : null;
  if (process.getuid?.() === 0 && !asUser) return { reason: "PgBouncer will not run as root, and there is no postgres user to run it as." };
  const child: ChildProcess = spawn(found.path, [ini], { stdio: ["ignore", "ignore", "pipe"], ...(asUser ?? {}) });
  const log: string[] = [];
  child.stderr?.on("data", (d) => log.push(String(d)));
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`pgbouncer exited (${code}): ${log.join("").slice(-1000)}`))));
  exited.catch(() => {});
  await Promise.race([waitForPort(port, 10_000), exited]);
  const pooled = new URL(databaseUrl);
  pooled.hostname = "127.0.0.1";
  pooled.port = String(port);
  return {
    pooledUrl: pooled.toString(),
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGINT");
        setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
      }),
  };
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const { connect } = await import("node:net");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (isOpen) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pgbouncer did not listen on ${port} within ${timeoutMs / 1000} s`);
}
