import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { addReading } from "@/lib/server/essays/reading-writes";
import { readingSchema } from "@/lib/validation/reading";

export const dynamic = "force-dynamic";

/** A teacher adds a reading (pasted or uploaded text); it becomes an essay with revision 1. */
export const POST = apiRoute(
  async ({ viewer, json }) => {
    const essay = await addReading({ viewerId: viewer.id, input: parseInput(readingSchema, json) });
    return Response.json({ essay: { id: essay.id, slug: essay.slug } }, { status: 201 });
  },
  { maxBytes: 1_200_000 },
);
