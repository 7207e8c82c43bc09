import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { editSourceDetails } from "@/lib/server/sources/edit-source-details";
import { sourceReadingSchema } from "@/lib/validation/source-reading";

export const dynamic = "force-dynamic";

/** The owner edits a file reading's provenance in place (JSON, as on upload): no new revision, no annotation moves. */
export const PATCH = apiRoute<{ id: string }>(async ({ params, viewer, json }) =>
  editSourceDetails({ viewerId: viewer.id, essayId: params.id, input: parseInput(sourceReadingSchema, json) }),
);
