import { publicApiRoute, parseInput } from "@/lib/server/http/api-route";
import { signUp } from "@/lib/server/users/sign-up";
import { signUpSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** Creates an account (and joins a class when a code is given); the page then signs in. */
export const POST = publicApiRoute(async ({ json }) => {
  const result = await signUp(parseInput(signUpSchema, json));
  return Response.json({ ok: true, className: result.className }, { status: 201 });
});
