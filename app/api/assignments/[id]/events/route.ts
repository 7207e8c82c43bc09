import { AppError } from "@/lib/errors";
import { getViewer } from "@/lib/server/auth/viewer";
import { findAssignmentAccess } from "@/lib/server/classes/find-assignment-access";
import { errorResponse, toAppError } from "@/lib/server/http/error-response";
import { hasOwnFlag } from "@/lib/server/annotations/find-annotations";
import { peerFlagsVisibleTo } from "@/lib/server/annotations/visibility";
import { liveHub } from "@/lib/server/live/live-hub";
import { safeValues } from "@/lib/server/http/route-params";

export const dynamic = "force-dynamic";

/** Keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for one assignment. Starts after `?since=` (the list the
 * page loaded) or the browser's Last-Event-ID on reconnect, replays what was
 * missed from the change log, then streams live changes the viewer may hear of.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
    const { id } = safeValues(await params);
    const access = await findAssignmentAccess({ viewerId: viewer.id, assignmentId: id });
    if (!access) throw new AppError("not_found", "That assignment was not found.");
    const since = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("since") ?? "0";
    const lastId = /^\d{1,19}$/.test(since) ? BigInt(since) : BigInt(0);
    const who = {
      viewerId: viewer.id,
      isTeacher: access.role === "teacher",
      lastId,
      canSeePeerFlags: async () => peerFlagsVisibleTo(access, await hasOwnFlag(viewer.id, id)),
    };
    return new Response(openStream(req, id, who), {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    return errorResponse(toAppError(error));
  }
}

function openStream(
  req: Request,
  assignmentId: string,
  who: { viewerId: string; isTeacher: boolean; lastId: bigint; canSeePeerFlags: () => Promise<boolean> },
) {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
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
      write("retry: 2000\n\n");
      const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      let unsubscribe = () => {};
      cleanup = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      req.signal.addEventListener("abort", () => cleanup());
      unsubscribe = await liveHub.subscribe(assignmentId, {
        ...who,
        send: (event) => write(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`),
        reset: (lastId) => write(`id: ${lastId}\nevent: reset\ndata: {}\n\n`),
      });
      if (!isOpen) unsubscribe();
    },
    cancel() {
      cleanup();
    },
  });
}
