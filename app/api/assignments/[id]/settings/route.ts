import { updateAssignmentSettings } from "@/lib/server/assignments/update-assignment-settings";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { updateAssignmentSettingsSchema } from "@/lib/validation/assignment-settings";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** Changes peer-flag and hint visibility (teachers of the class only); answers with the settings now in force. */
export const PATCH = apiRoute<Params>(async ({ params, viewer, json }) => {
  const input = parseInput(updateAssignmentSettingsSchema, json);
  return { settings: await updateAssignmentSettings({ viewerId: viewer.id, assignmentId: params.id, input }) };
});
