import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDatabaseEnv } from "@/lib/env";

function createClient() {
  // `next build` imports route modules without a database; no query runs then.
  const isBuild = process.env.NEXT_PHASE === "phase-production-build";
  const connectionString = isBuild ? "postgresql://localhost/unused-at-build" : getDatabaseEnv().DATABASE_URL;
  const adapter = new PrismaPg({
    connectionString,
    max: isBuild ? 1 : getDatabaseEnv().DATABASE_POOL_SIZE,
    // Fail fast while the database restarts, so requests get "try again" quickly.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
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
