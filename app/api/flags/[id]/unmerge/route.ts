import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { unmergeFlag } from "@/lib/server/flags/unmerge-flag";
import { unmergeFlagSchema } from "@/lib/validation/flag";

export const dynamic = "force-dynamic";

/** A teacher undoes a merge: this flag stands on its own again; answers with it and the flag it was merged into. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const { version } = parseInput(unmergeFlagSchema, json);
  return unmergeFlag({ viewerId: viewer.id, annotationId: params.id, version });
});
