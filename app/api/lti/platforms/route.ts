import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { listPlatforms, registerPlatform } from "@/lib/server/lti/platforms";
import { platformInputSchema } from "@/lib/validation/lti-platform";

export const dynamic = "force-dynamic";

/** The registered learning platforms (administrators only, 403 otherwise). */
export const GET = apiRoute(async ({ viewer }) => ({ platforms: await listPlatforms({ viewer }) }));

/** An administrator registers a platform by hand (README "Learning platforms"). */
export const POST = apiRoute(async ({ viewer, json }) => {
  const input = parseInput(platformInputSchema, json);
  return Response.json({ platform: await registerPlatform({ viewer, input }) }, { status: 201 });
});
