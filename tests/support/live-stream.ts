import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { openEventStream } from "@/lib/server/live/event-stream";

/** A signed-in session row for the user, as sign-in makes one; returns its token. */
export async function sessionFor(userId: string): Promise<string> {
  const sessionToken = randomUUID();
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 3_600_000) } });
  return sessionToken;
}

/**
 * Opens an assignment's live stream as the route does and reads it in the
 * background: its raw text so far, whether the server ended it, and a way
 * to hang up like a closed tab.
 */
export async function openTestStream(options: { viewerId: string; sessionToken: string; assignmentId: string; since?: string }) {
  const hangUp = new AbortController();
  const req = new Request(`http://localhost/api/assignments/${options.assignmentId}/events?since=${options.since ?? "0"}`, {
    signal: hangUp.signal,
  });
  const res = await openEventStream({ req, ...options });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const stream = { text: "", isClosed: false, res, hangUp: () => hangUp.abort() };
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stream.text += decoder.decode(value, { stream: true });
    }
    stream.isClosed = true;
  })();
  return {
    ...stream,
    get text() {
      return stream.text;
    },
    get isClosed() {
      return stream.isClosed;
    },
    /** True once the server has ended the stream, false if it is still open after `ms`. */
    closesWithin: (ms: number) => Promise.race([ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]),
  };
}
