import { apiRoute } from "@/lib/server/http/api-route";
import { removeStudent } from "@/lib/server/classes/class-writes";

export const dynamic = "force-dynamic";

/** Removes a student from the class. Teachers of the class only. */
export const DELETE = apiRoute<{ id: string; userId: string }>(async ({ params, viewer }) => {
  await removeStudent({ viewerId: viewer.id, classroomId: params.id, userId: params.userId });
  return { ok: true };
});
