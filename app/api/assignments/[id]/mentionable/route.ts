import { z } from "zod";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { findMentionable } from "@/lib/server/mentions/find-mentionable";
import { scopeSchema } from "@/lib/validation/annotation";

type Params = { id: string };

export const dynamic = "force-dynamic";

const querySchema = z.object({ scope: scopeSchema.default("class"), annotation: z.string().min(1).max(200).optional() });

/** Who the viewer may @mention in a new annotation of `?scope=` or in a reply to `?annotation=` (members only). */
export const GET = apiRoute<Params>(async ({ req, params, viewer }) => {
  const query = new URL(req.url).searchParams;
  const input = parseInput(querySchema, { scope: query.get("scope") ?? undefined, annotation: query.get("annotation") ?? undefined });
  return { people: await findMentionable({ viewerId: viewer.id, assignmentId: params.id, scope: input.scope, annotationId: input.annotation }) };
});
