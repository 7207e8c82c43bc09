import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { mergeFlags } from "@/lib/server/flags/review-flag";
import { mergeFlagsSchema } from "@/lib/validation/flag";

export const dynamic = "force-dynamic";

/** A teacher merges this flag into another on the same span with the same correction; answers with the target and the merged flag. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const { intoId, version } = parseInput(mergeFlagsSchema, json);
  return mergeFlags({ viewerId: viewer.id, annotationId: params.id, intoId, version });
});
