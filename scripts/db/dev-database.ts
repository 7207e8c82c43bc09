import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

const ROOT = path.resolve(__dirname, "../..");

/** Port of the embedded development database (`npm run demo`, db:* scripts). */
export const DEV_DB_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

/**
 * The database the scripts work on: $DATABASE_URL when set (a school's own
 * server), otherwise the embedded PostgreSQL with its data in .data/pg.
 * `directUrl` is where migrations run: $DATABASE_DIRECT_URL when DATABASE_URL
 * goes through a transaction-mode pooler, since Prisma Migrate holds a
 * session-level advisory lock, which such a pooler cannot keep.
 */
export async function openDevDatabase(): Promise<{ url: string; directUrl: string; isEmbedded: boolean; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    return { url, directUrl: process.env.DATABASE_DIRECT_URL || url, isEmbedded: false, stop: async () => {} };
  }
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data/pg"),
    port: DEV_DB_PORT,
    database: "marginalia",
    quiet: true,
  });
  return { url: pg.url, directUrl: pg.url, isEmbedded: true, stop: pg.stop };
}
