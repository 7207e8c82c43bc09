import { z } from "zod";
import { readSessionId } from "@/lib/server/auth/session-token";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { changePassword } from "@/lib/server/users/change-password";
import { passwordSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** Changes the signed-in user's password. */
export const POST = apiRoute(async ({ req, viewer, json }) => {
  const input = parseInput(z.object({ current: z.string().min(1, "Enter your current password."), next: passwordSchema }), json);
  await changePassword({ viewerId: viewer.id, sessionToken: await readSessionId(), current: input.current, next: input.next, headers: req.headers });
  return { ok: true };
}, { beforePasswordChange: true });
