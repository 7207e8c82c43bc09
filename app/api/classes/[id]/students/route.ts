import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { addStudents } from "@/lib/server/classes/add-students";
import { addStudentsSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** Invites pasted students; every row comes back once with a one-time password (README "Security": roles). */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const { list } = parseInput(addStudentsSchema, json);
  const added = await addStudents({ viewerId: viewer.id, classroomId: params.id, list });
  return Response.json({ added }, { headers: { "Cache-Control": "no-store" } });
});
