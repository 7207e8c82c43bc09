import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { reviewFlag } from "@/lib/server/flags/review-flag";
import { reviewFlagSchema } from "@/lib/validation/flag";

export const dynamic = "force-dynamic";

/** A teacher verifies, rejects, asks for evidence or reopens a flag. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => ({
  annotation: await reviewFlag({ viewerId: viewer.id, annotationId: params.id, input: parseInput(reviewFlagSchema, json) }),
}));
