import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { createFlag } from "@/lib/server/flags/create-flag";
import { createFlagSchema } from "@/lib/validation/flag";

export const dynamic = "force-dynamic";

/** Flags an error; repeating the same id returns the first result (200). */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const input = parseInput(createFlagSchema, json);
  const { annotation, isNew } = await createFlag({ viewerId: viewer.id, assignmentId: params.id, input });
  return Response.json({ annotation }, { status: isNew ? 201 : 200 });
});
