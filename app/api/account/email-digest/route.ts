import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { setEmailDigest } from "@/lib/server/users/email-digest";
import { emailDigestSchema } from "@/lib/validation/notifications";

export const dynamic = "force-dynamic";

/** Turns the signed-in user's e-mail digest on or off: { emailDigest: boolean }. */
export const POST = apiRoute(async ({ viewer, json }) => ({ emailDigest: await setEmailDigest({ viewerId: viewer.id, isOn: parseInput(emailDigestSchema, json).emailDigest }) }));
