import { apiRoute } from "@/lib/server/http/api-route";
import { countUnread, findNotifications } from "@/lib/server/notifications/find-notifications";

export const dynamic = "force-dynamic";

/** The viewer's latest notifications and how many are unread (`?count=1`: the count alone, for the header). */
export const GET = apiRoute(async ({ req, viewer }) => {
  if (new URL(req.url).searchParams.get("count") === "1") return { unread: await countUnread(viewer.id) };
  return findNotifications(viewer.id);
});
