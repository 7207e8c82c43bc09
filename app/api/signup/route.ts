import { publicApiRoute, parseInput } from "@/lib/server/http/api-route";
import { signUp } from "@/lib/server/users/sign-up";
import { countSignUp } from "@/lib/server/users/sign-up-throttle";
import { signUpSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/**
 * Creates an account (and joins a class when a code is given); the page then
 * signs in. Counted per client network once the input is valid: 429 with
 * Retry-After past the limit (lib/server/users/sign-up-throttle.ts); wrong
 * join codes are limited too (lib/server/rate-limits/guess-throttle.ts).
 */
export const POST = publicApiRoute(async ({ req, json }) => {
  const input = parseInput(signUpSchema, json);
  await countSignUp({ headers: req.headers });
  const result = await signUp(input, req.headers);
  return Response.json({ ok: true, className: result.className }, { status: 201 });
});
