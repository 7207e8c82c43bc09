import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { createClass } from "@/lib/server/classes/class-writes";
import { createClassSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** Creates a class taught by the viewer. */
export const POST = apiRoute(async ({ viewer, json }) => {
  const { name } = parseInput(createClassSchema, json);
  const created = await createClass({ viewerId: viewer.id, name });
  return Response.json({ class: { id: created.id, name: created.name, joinCode: created.joinCode } }, { status: 201 });
});
