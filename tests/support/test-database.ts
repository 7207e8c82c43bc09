import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";

const ROOT = path.resolve(__dirname, "../..");

export interface TestServer {
  /** URL of the maintenance database, for creating more databases. */
  adminUrl: string;
  stop: () => Promise<void>;
}

/**
 * The PostgreSQL that tests run on: the server behind $DATABASE_URL when it is
 * set (tests create their own databases there), else an embedded one in
 * .data/<name> on `port`.
 */
export async function startTestServer(name: string, port: number): Promise<TestServer> {
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    admin.pathname = "/postgres";
    return { adminUrl: admin.toString(), stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data", name),
    port,
    database: "postgres",
    quiet: true,
  });
  return { adminUrl: server.adminUrl, stop: server.stop };
}

/** Creates an empty database with a unique name and returns its URL. */
export async function createFreshDatabase(adminUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Databases older than this are leftovers of runs that died; younger ones may belong to a run in progress. */
const ABANDONED_AFTER_MS = 3 * 60 * 60 * 1000;

/**
 * Drops this prefix's databases left by earlier runs that are old enough to be
 * abandoned, or exactly `only` (a run's own database at its end).
 */
export async function dropOldDatabases(adminUrl: string, prefix: string, only?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${prefix}\\_%`]);
    for (const { datname } of rows) {
      const created = parseInt(datname.split("_")[1] ?? "", 36);
      const isAbandoned = Number.isFinite(created) && Date.now() - created > ABANDONED_AFTER_MS;
      if (only ? datname !== only : !isAbandoned) continue;
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}
