import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { getLiveEnv } from "@/lib/env";
import { findAssignmentAccess } from "@/lib/server/classes/find-assignment-access";
import { liveHub } from "./live-hub";
import { readListenerStanding, type ListenerStanding } from "./listener-access";

/**
 * A standing read this recently is reused for events: a burst of changes
 * costs one re-check per stream, not one per event. The heartbeat always
 * reads afresh, so a lost session or membership closes the stream within
 * one heartbeat (LIVE_HEARTBEAT_MS, at most 30 s) even when nothing happens.
 */
const STANDING_REUSE_MS = 2_000;

/** Open streams per user on this instance: the cap's count. */
const openByUser = new Map<string, number>();

/**
 * Server-Sent Events for one assignment. Starts after `?since=` (the list the
 * page loaded) or the browser's Last-Event-ID on reconnect, replays what was
 * missed from the change log, then streams live changes the viewer may see.
 *
 * The session row the request came with and the viewer's membership are
 * checked again before each delivery and on every heartbeat; once either is
 * gone the stream ends. A user may hold LIVE_STREAMS_PER_USER streams at once
 * per instance; one more is refused with 429 (not by closing an older one,
 * which the browser would reopen, evicting the next: a loop).
 */
export async function openEventStream({
  req,
  viewerId,
  sessionToken,
  assignmentId,
}: {
  req: Request;
  viewerId: string;
  /** The token of the session row this request was signed in with. */
  sessionToken: string;
  assignmentId: string;
}): Promise<Response> {
  const { LIVE_HEARTBEAT_MS, LIVE_STREAMS_PER_USER } = getLiveEnv();
  if (!(await findAssignmentAccess({ viewerId, assignmentId }))) throw notFound("That assignment");
  if ((openByUser.get(viewerId) ?? 0) >= LIVE_STREAMS_PER_USER) {
    throw new AppError(
      "rate_limited",
      `You already have ${LIVE_STREAMS_PER_USER} live views open. Close a tab or window of this app, then reload this page.`,
    );
  }
  const since = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("since") ?? "0";
  const lastId = /^\d{1,19}$/.test(since) ? BigInt(since) : BigInt(0);
  let checked: { at: number; isDone: boolean; standing: Promise<ListenerStanding | null> } | null = null;
  const standing = (maxAgeMs: number) => {
    // A read still under way is shared, so a slow database never piles up re-checks.
    if (!checked || (checked.isDone && Date.now() - checked.at > maxAgeMs)) {
      const mine = { at: Date.now(), isDone: false, standing: readListenerStanding({ sessionToken, viewerId, assignmentId }) };
      checked = mine;
      mine.standing.then(
        () => (mine.isDone = true),
        () => {
          // A failed read (database away) is not kept: the next asks again.
          if (checked === mine) checked = null;
        },
      );
    }
    return checked.standing;
  };

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
      let unsubscribe = () => {};
      const heartbeat = setInterval(() => {
        standing(0).then(
          (now) => (now ? write(": ping\n\n") : cleanup()),
          () => write(": ping\n\n"), // database away: keep the stream, ask again next time
        );
      }, LIVE_HEARTBEAT_MS);
      cleanup = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(heartbeat);
        unsubscribe();
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
      write("retry: 2000\n\n");
      try {
        unsubscribe = await liveHub.subscribe(assignmentId, {
          viewerId,
          lastId,
          standing: () => standing(STANDING_REUSE_MS),
          send: (event) => write(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`),
          reset: (id) => write(`id: ${id}\nevent: reset\ndata: {}\n\n`),
          close: () => cleanup(),
        });
      } catch {
        return cleanup(); // the browser reconnects and catches up from its last event id
      }
      if (!isOpen) unsubscribe();
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
