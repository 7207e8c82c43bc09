import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { inviteTeacher } from "@/lib/server/invitations/create-invitation";
import { inviteTeacherSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** An administrator invites someone to teach on this instance (403 for anyone else). */
export const POST = apiRoute(async ({ viewer, json }) => {
  const { email } = parseInput(inviteTeacherSchema, json);
  return { invitation: await inviteTeacher({ viewer, email }) };
});
