import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { deletePlatform, updatePlatform } from "@/lib/server/lti/platforms";
import { platformInputSchema } from "@/lib/validation/lti-platform";

export const dynamic = "force-dynamic";

/** An administrator changes a registration (its deployment ids, endpoints, frame origins). */
export const PUT = apiRoute<{ id: string }>(async ({ viewer, params, json }) => {
  const input = parseInput(platformInputSchema, json);
  return { platform: await updatePlatform({ viewer, id: params.id, input }) };
});

/** An administrator removes a registration: its launches stop; classes made from its courses stay. */
export const DELETE = apiRoute<{ id: string }>(async ({ viewer, params }) => {
  await deletePlatform({ viewer, id: params.id });
  return { ok: true };
});
