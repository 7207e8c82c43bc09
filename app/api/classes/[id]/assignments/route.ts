import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { createAssignment } from "@/lib/server/assignments/create-assignment";
import { createAssignmentSchema } from "@/lib/validation/assignment";

export const dynamic = "force-dynamic";

/** A teacher assigns a reading to their class. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const input = parseInput(createAssignmentSchema, json);
  const created = await createAssignment({ viewerId: viewer.id, classroomId: params.id, input });
  return Response.json({ assignment: { id: created.id } }, { status: 201 });
});
