import { AppError } from "@/lib/errors";
import { readSessionRef } from "@/lib/server/auth/session-token";
import { apiRoute } from "@/lib/server/http/api-route";
import { openEventStream } from "@/lib/server/live/event-stream";

export const dynamic = "force-dynamic";

/** Server-Sent Events for one assignment (lib/server/live/event-stream.ts); the stream re-checks the session it was opened with. */
export const GET = apiRoute<{ id: string }>(async ({ req, params, viewer }) => {
  // The session the viewer came with: next-auth's or, inside a learning platform's frame, an LTI launch's.
  const sessionToken = (await readSessionRef())?.sid;
  if (!sessionToken) throw new AppError("unauthenticated", "Sign in to continue.");
  return openEventStream({ req, viewerId: viewer.id, sessionToken, assignmentId: params.id });
});
