import { apiRoute } from "@/lib/server/http/api-route";
import { leaveClass } from "@/lib/server/classes/class-writes";

export const dynamic = "force-dynamic";

/** A student leaves the class: their annotations stay, their access ends. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  await leaveClass({ viewerId: viewer.id, classroomId: params.id });
  return { ok: true };
});
