import "server-only";
import { db } from "@/lib/db";
import { getLiveEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { countUnread } from "@/lib/server/notifications/find-notifications";
import { liveHub } from "./live-hub";

/** Open unread-count streams per user on this instance: their own cap's count, apart from the readers'. */
const openByUser = new Map<string, number>();

/**
 * Server-Sent Events carrying one number: the viewer's unread count, sent
 * when the stream opens and again whenever it changes. The header shows it
 * on every page.
 *
 * Why a stream of its own and not the reader's: the reader's stream is per
 * assignment and only open in the reader, while the header is on every page
 * (the class list, the notifications page, the account). This one replays no
 * log and carries no annotation: each change is a signal on the shared
 * LISTEN connection (notifications/unread-signal.ts), answered by one count
 * of the viewer's own notifications, the same countUnread the page uses, so
 * nobody can learn anything here about anyone else. It has its own cap
 * (LIVE_STREAMS_PER_USER again, counted apart), so header streams never take
 * the places of the readers' streams; past the cap it answers 429 and the
 * header keeps polling.
 *
 * The heartbeat checks the session it was opened with (signing out ends the
 * stream) and counts again, which also makes up for a signal lost while the
 * LISTEN connection was down, and for counts that fall without a signal (a
 * thread made private hides its notification).
 */
export async function openUnreadStream({ req, viewerId, sessionToken }: { req: Request; viewerId: string; sessionToken: string }): Promise<Response> {
  const { LIVE_HEARTBEAT_MS, LIVE_STREAMS_PER_USER } = getLiveEnv();
  if ((openByUser.get(viewerId) ?? 0) >= LIVE_STREAMS_PER_USER) {
    throw new AppError("rate_limited", `You already have ${LIVE_STREAMS_PER_USER} windows following your notifications; this one checks every 20 seconds instead.`);
  }
  openByUser.set(viewerId, (openByUser.get(viewerId) ?? 0) + 1);
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let isOpen = true;
      const write = (chunk: string) => {
        if (!isOpen) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      // One count at a time; signals that come during a count make one more count after it.
      let sent = -1;
      let counting: Promise<void> | null = null;
      let isAskedAgain = false;
      const refresh = (): Promise<void> => {
        if (counting) {
          isAskedAgain = true;
          return counting;
        }
        counting = (async () => {
          do {
            isAskedAgain = false;
            const unread = await countUnread(viewerId);
            if (unread !== sent) write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
            sent = unread;
          } while (isAskedAgain && isOpen);
        })()
          .catch(() => {}) // database away: the heartbeat counts again
          .finally(() => (counting = null));
        return counting;
      };
      const heartbeat = setInterval(() => {
        db.session.count({ where: { sessionToken, userId: viewerId, expires: { gt: new Date() } } }).then(
          (isSignedIn) => (isSignedIn ? void refresh().then(() => write(": ping\n\n")) : cleanup()),
          () => write(": ping\n\n"), // database away: keep the stream, ask again next time
        );
      }, LIVE_HEARTBEAT_MS);
      const unwatch = liveHub.watchUnread(viewerId, () => void refresh());
      cleanup = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(heartbeat);
        unwatch();
        const left = (openByUser.get(viewerId) ?? 1) - 1;
        if (left > 0) openByUser.set(viewerId, left);
        else openByUser.delete(viewerId);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      req.signal.addEventListener("abort", () => cleanup());
      write("retry: 5000\n\n");
      await refresh();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
