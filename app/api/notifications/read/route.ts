import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { markRead } from "@/lib/server/notifications/find-notifications";
import { markReadSchema } from "@/lib/validation/notifications";

export const dynamic = "force-dynamic";

/** Marks the viewer's notifications read: { ids } or { all: true }; answers the unread count left. */
export const POST = apiRoute(async ({ viewer, json }) => ({ unread: await markRead(viewer.id, parseInput(markReadSchema, json)) }));
