import "server-only";
import { db } from "@/lib/db";

/** One counter's state after a hit. */
export interface WindowHit {
  key: string;
  /** Hits in the current window, this one included. */
  count: number;
  windowStart: Date;
}

/** Expired rows are swept on about one hit in this many, so the table stays small without a cron job. */
const SWEEP_ONE_IN = 50;

// Times are sent as UTC strings cast to `timestamp`, the column's type (Prisma
// stores UTC there), so the database session's TimeZone can never shift them.
const utc = (date: Date) => date.toISOString().replace("Z", "");

/**
 * Counts one hit on `key` in a fixed window of `windowMs`, atomically, in the
 * rate_limits table: every app instance shares the count, and concurrent hits
 * each see a distinct count (one upsert, no read-then-write race). A window
 * that has ended restarts at 1.
 */
export async function hitRateLimit(key: string, windowMs: number, now = new Date()): Promise<WindowHit> {
  return hitWith(db, key, windowMs, now);
}

type Runner = Pick<typeof db, "$queryRaw">;

/**
 * Counts one hit on each of several counters, as one transaction that takes
 * their rows in key order. Concurrent attempts on the same counters therefore
 * see them in the same order: the attempt that is 3rd on one counter is 3rd
 * on the others (with separate statements the orders could differ, so an
 * attempt within one budget could be refused by another that others' hits
 * had filled before their refunds). Returns the hits in the order given.
 */
export async function hitRateLimits(counters: { key: string; windowMs: number }[], now = new Date()): Promise<WindowHit[]> {
  if (counters.length === 1) return [await hitRateLimit(counters[0].key, counters[0].windowMs, now)];
  const order = counters.map((c, i) => i).sort((a, b) => (counters[a].key < counters[b].key ? -1 : counters[a].key > counters[b].key ? 1 : 0));
  return db.$transaction(async (tx) => {
    const hits: WindowHit[] = new Array(counters.length);
    for (const i of order) hits[i] = await hitWith(tx, counters[i].key, counters[i].windowMs, now);
    return hits;
  });
}

async function hitWith(runner: Runner, key: string, windowMs: number, now: Date): Promise<WindowHit> {
  const cutoff = new Date(now.getTime() - windowMs);
  const rows = await runner.$queryRaw<{ count: number; windowStart: Date }[]>`
    insert into rate_limits (key, "windowStart", count)
    values (${key}, ${utc(now)}::timestamp(3), 1)
    on conflict (key) do update set
      "windowStart" = case when rate_limits."windowStart" <= ${utc(cutoff)}::timestamp(3)
                      then excluded."windowStart" else rate_limits."windowStart" end,
      count = case when rate_limits."windowStart" <= ${utc(cutoff)}::timestamp(3)
              then 1 else rate_limits.count + 1 end
    returning count, "windowStart"`;
  if (Math.floor(Math.random() * SWEEP_ONE_IN) === 0) void sweepExpired(key, cutoff);
  return { key, count: rows[0].count, windowStart: rows[0].windowStart };
}

/**
 * Takes back one hit (a sign-in that succeeded, or one refused anyway), but
 * only in the window it was counted in: a refund never eats into a new window.
 */
export async function refundRateLimit(hit: WindowHit): Promise<void> {
  await db.$executeRaw`
    update rate_limits set count = greatest(count - 1, 0)
    where key = ${hit.key} and "windowStart" = ${utc(hit.windowStart)}::timestamp(3)`;
}

/** Deletes ended windows of the same family of keys ("signin:…"); failures only cost a later sweep. */
async function sweepExpired(key: string, cutoff: Date): Promise<void> {
  const family = `${key.split(":")[0]}:%`;
  await db.$executeRaw`
    delete from rate_limits where key like ${family} and "windowStart" <= ${utc(cutoff)}::timestamp(3)`.catch(() => {});
}
