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

/** Drops databases left by earlier runs with this prefix (not the current one). */
export async function dropOldDatabases(adminUrl: string, prefix: string, keep: string[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${prefix}\\_%`]);
    for (const { datname } of rows) {
      if (keep.includes(datname)) continue;
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}
