import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { inviteCoTeacher } from "@/lib/server/invitations/create-invitation";
import { addTeacherSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/**
 * Invites a colleague to co-teach; they accept in the app. The answer is the
 * same whether the email has an account or not.
 */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const { email } = parseInput(addTeacherSchema, json);
  const invitation = await inviteCoTeacher({ viewerId: viewer.id, classroomId: params.id, email });
  return { invitation };
});
