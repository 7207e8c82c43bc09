import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { respondToInvitation, revokeInvitation } from "@/lib/server/invitations/respond-to-invitation";
import { invitationAnswerSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** Accepts or declines an invitation addressed to the viewer's email. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const { answer } = parseInput(invitationAnswerSchema, json);
  return respondToInvitation({ viewer, invitationId: params.id, answer });
});

/** Revokes a pending invitation (its class's teachers; an administrator for a teacher invitation). */
export const DELETE = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  await revokeInvitation({ viewer, invitationId: params.id });
  return { ok: true };
});
