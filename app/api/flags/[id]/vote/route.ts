import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { voteOnFlag } from "@/lib/server/flags/vote-on-flag";
import { voteSchema } from "@/lib/validation/flag";

export const dynamic = "force-dynamic";

/** Agree or disagree (one vote per student; voting again changes it). */
export const PUT = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const { value, reason } = parseInput(voteSchema, json);
  return { annotation: await voteOnFlag({ viewerId: viewer.id, annotationId: params.id, value, reason }) };
});

/** Withdraws the viewer's vote. */
export const DELETE = apiRoute<{ id: string }>(async ({ params, viewer }) => ({
  annotation: await voteOnFlag({ viewerId: viewer.id, annotationId: params.id, value: null }),
}));
