import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { editReading } from "@/lib/server/essays/reading-writes";
import { readingSchema } from "@/lib/validation/reading";

export const dynamic = "force-dynamic";

/** The owner edits a reading: changed text becomes a new revision and annotations re-anchor. */
export const PATCH = apiRoute<{ id: string }>(
  async ({ params, viewer, json }) => editReading({ viewerId: viewer.id, essayId: params.id, input: parseInput(readingSchema, json) }),
  { maxBytes: 1_200_000 },
);
