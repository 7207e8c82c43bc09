import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { findClassGroups } from "@/lib/server/groups/find-groups";
import { saveClassGroups } from "@/lib/server/groups/save-groups";
import { saveGroupsSchema } from "@/lib/validation/groups";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** The class's groups and its students (teachers of the class only). */
export const GET = apiRoute<Params>(async ({ params, viewer }) => ({ set: await findClassGroups({ viewerId: viewer.id, classroomId: params.id }) }));

/** Replaces the class's groups: by hand ({ groups }) or split automatically ({ auto: { count } | { size } }). */
export const PUT = apiRoute<Params>(async ({ params, viewer, json }) => {
  const input = parseInput(saveGroupsSchema, json);
  return saveClassGroups({ viewerId: viewer.id, classroomId: params.id, input });
});
