import { apiRoute } from "@/lib/server/http/api-route";
import { regenerateJoinCode } from "@/lib/server/classes/class-writes";

export const dynamic = "force-dynamic";

/** Renews the join code; the old code stops working. Teachers of the class only. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  const updated = await regenerateJoinCode({ viewerId: viewer.id, classroomId: params.id });
  return { joinCode: updated.joinCode };
});
