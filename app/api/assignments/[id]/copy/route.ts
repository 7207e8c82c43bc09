import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { copyAssignment } from "@/lib/server/assignments/copy-assignment";
import { copyAssignmentSchema } from "@/lib/validation/assignment";

export const dynamic = "force-dynamic";

/** Copies the assignment (settings, guiding questions, answer key) to another class the viewer teaches (201). */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const input = parseInput(copyAssignmentSchema, json);
  const copied = await copyAssignment({ viewerId: viewer.id, assignmentId: params.id, input });
  return Response.json(copied, { status: 201 });
});
