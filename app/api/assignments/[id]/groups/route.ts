import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { findAssignmentGroups, setAssignmentGroups } from "@/lib/server/groups/assignment-groups";
import { saveAssignmentGroups } from "@/lib/server/groups/save-groups";
import { assignmentGroupsSchema, saveGroupsSchema } from "@/lib/validation/groups";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** Which groups the assignment uses, and who is in them (teachers of the class only). */
export const GET = apiRoute<Params>(async ({ params, viewer }) => findAssignmentGroups({ viewerId: viewer.id, assignmentId: params.id }));

/** Groups for this assignment only, by hand or split automatically; the assignment then uses them. */
export const PUT = apiRoute<Params>(async ({ params, viewer, json }) => {
  const input = parseInput(saveGroupsSchema, json);
  return saveAssignmentGroups({ viewerId: viewer.id, assignmentId: params.id, input });
});

/** Switches the assignment to no groups, the class's groups, or its own ({ use }). */
export const PATCH = apiRoute<Params>(async ({ params, viewer, json }) => {
  const input = parseInput(assignmentGroupsSchema, json);
  return setAssignmentGroups({ viewerId: viewer.id, assignmentId: params.id, input });
});
