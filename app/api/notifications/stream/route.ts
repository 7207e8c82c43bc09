import { AppError } from "@/lib/errors";
import { readSessionRef } from "@/lib/server/auth/session-token";
import { apiRoute } from "@/lib/server/http/api-route";
import { openUnreadStream } from "@/lib/server/live/unread-stream";

export const dynamic = "force-dynamic";

/** Server-Sent Events of the viewer's unread count, for the header (lib/server/live/unread-stream.ts). */
export const GET = apiRoute(async ({ req, viewer }) => {
  const sessionToken = (await readSessionRef())?.sid;
  if (!sessionToken) throw new AppError("unauthenticated", "Sign in to continue.");
  return openUnreadStream({ req, viewerId: viewer.id, sessionToken });
});
