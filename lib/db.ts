import { PrismaPg } from "@prisma/adapter-pg";
import type { ClientConfig, PoolConfig } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDatabaseEnv } from "@/lib/env";

/** Beyond the server's own statement timeout: how much longer the client waits for an answer at all. */
const CLIENT_GRACE_MS = 5_000;

/**
 * Pool settings so that a database that is away, locked or frozen costs a
 * request a bounded wait and a 503 "try again", never a hung request:
 * - connectionTimeoutMillis (DATABASE_CONNECT_TIMEOUT_MS, 5 s): a new
 *   connection that does not complete, e.g. while the database restarts;
 * - statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS, 15 s): PostgreSQL
 *   cancels a statement running longer, a wait for another connection's
 *   lock included (SQLSTATE 57014). Our slowest statements take milliseconds;
 * - query_timeout (the same plus 5 s): the client gives up on its own when
 *   the server stopped answering altogether and cannot cancel anything; the
 *   pool then discards that connection.
 *
 * Behind a transaction-mode pooler (DATABASE_DIRECT_URL set, see
 * isPooled) the statement timeout is not sent: node-postgres sends it as a
 * startup parameter, which PgBouncer refuses ("unsupported startup
 * parameter") unless told to ignore it, and a SET would leak into other
 * clients' transactions. The operator sets it on the database role instead
 * (README "Deploying"); query_timeout still bounds every wait.
 */
export function databasePoolConfig(env = getDatabaseEnv()): PoolConfig {
  return {
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
    ...(isPooled(env) ? {} : { statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS }),
    query_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS + CLIENT_GRACE_MS,
  };
}

/** DATABASE_URL goes through a transaction-mode pooler: session state (LISTEN, session locks) needs the direct URL. */
export function isPooled(env: Pick<ReturnType<typeof getDatabaseEnv>, "DATABASE_DIRECT_URL">): boolean {
  return env.DATABASE_DIRECT_URL !== undefined;
}

/**
 * A connection of its own for what needs a session that lasts: the live
 * hub's LISTEN (lib/server/live/live-hub.ts). Through PgBouncer in
 * transaction mode a LISTEN would run on whichever server connection the
 * statement borrowed, which goes back to the pool at once, so notifications
 * would reach other clients or no one. DATABASE_DIRECT_URL when set,
 * DATABASE_URL otherwise. Keep-alive, so a firewall dropping an idle socket
 * shows up as an error (and a reconnect) rather than silence.
 */
export function sessionConnectionConfig(env = getDatabaseEnv()): ClientConfig {
  return {
    connectionString: env.DATABASE_DIRECT_URL ?? env.DATABASE_URL,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
    keepAlive: true,
  };
}

function createClient() {
  // `next build` imports route modules without a database; no query runs then.
  const isBuild = process.env.NEXT_PHASE === "phase-production-build";
  const config = isBuild ? { connectionString: "postgresql://localhost/unused-at-build", max: 1 } : databasePoolConfig();
  return new PrismaClient({ adapter: new PrismaPg(config), omit: { user: { passwordHash: true }, ltiKey: { privateKeyPem: true } } });
}

type Client = ReturnType<typeof createClient>;
const globalForDb = globalThis as unknown as { __db?: Client };

/**
 * The app's one Prisma client. Cached on globalThis so dev-mode hot reloads and
 * test files reuse one pool instead of opening a new one per module load.
 */
export const db: Client = globalForDb.__db ?? (globalForDb.__db = createClient());
export type Db = Client;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
