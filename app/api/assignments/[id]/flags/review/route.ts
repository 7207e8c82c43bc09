import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { reviewFlags } from "@/lib/server/flags/review-flags";
import { reviewFlagsSchema } from "@/lib/validation/flag";

export const dynamic = "force-dynamic";

/** A teacher decides every flag of a finding at once (all or none); answers with the decided flags. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => ({
  annotations: await reviewFlags({ viewerId: viewer.id, assignmentId: params.id, input: parseInput(reviewFlagsSchema, json) }),
}));
