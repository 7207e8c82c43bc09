import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { addTeacher } from "@/lib/server/classes/class-writes";
import { addTeacherSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** Adds an existing account as a co-teacher. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const { email } = parseInput(addTeacherSchema, json);
  await addTeacher({ viewerId: viewer.id, classroomId: params.id, email });
  return { ok: true };
});
