import { z } from "zod";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { bindResourceLink } from "@/lib/server/lti/deep-linking";

export const dynamic = "force-dynamic";

const schema = z.object({ assignmentId: z.string().min(1, "Choose an assignment.").max(200) });

/** A teacher chooses what a course link with no assignment opens (from their own launch of it). */
export const POST = apiRoute<{ id: string }>(async ({ viewer, params, json }) => {
  const { assignmentId } = parseInput(schema, json);
  return bindResourceLink({ viewerId: viewer.id, launchId: params.id, assignmentId });
});
