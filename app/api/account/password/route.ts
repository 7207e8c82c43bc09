import { getServerSession } from "next-auth";
import { z } from "zod";
import { authOptions } from "@/lib/server/auth/auth-options";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { changePassword } from "@/lib/server/users/change-password";
import { passwordSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** Changes the signed-in user's password. */
export const POST = apiRoute(async ({ req, viewer, json }) => {
  const input = parseInput(z.object({ current: z.string().min(1, "Enter your current password."), next: passwordSchema }), json);
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  await changePassword({ viewerId: viewer.id, sessionToken: session?.sid ?? null, current: input.current, next: input.next, headers: req.headers });
  return { ok: true };
}, { beforePasswordChange: true });
