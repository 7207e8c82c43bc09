import "server-only";
import { db } from "@/lib/db";

/** The PostgreSQL channel on which a user's unread count is said to have changed (payload: the user's id). */
export const UNREAD_CHANNEL = "marginalia_unread";

/**
 * Tells every app instance that these users' unread counts may have changed,
 * so their open headers are pushed the new count (lib/server/live/unread-stream.ts).
 * Only servers listen on the channel; a browser is only ever sent its own
 * count. Best effort: a lost signal is made up by the stream's heartbeat.
 */
export async function announceUnread(userIds: string[]): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await db.$executeRaw`select pg_notify(${UNREAD_CHANNEL}, id) from unnest(${ids}::text[]) as id`.catch((error: Error) =>
    console.error(`notifications: could not announce: ${error.message}`),
  );
}
