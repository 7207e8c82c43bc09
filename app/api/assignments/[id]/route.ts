import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { archiveAssignment, deleteAssignment } from "@/lib/server/assignments/archive-assignment";
import { archiveAssignmentSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** Archives an assignment or brings it back ({ archived }). Teachers of its class only. */
export const PATCH = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const { archived } = parseInput(archiveAssignmentSchema, json);
  return archiveAssignment({ viewerId: viewer.id, assignmentId: params.id, archived });
});

/** Deletes an assignment and its annotations. Teachers of its class only. */
export const DELETE = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  await deleteAssignment({ viewerId: viewer.id, assignmentId: params.id });
  return { ok: true };
});
