import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { editFlag } from "@/lib/server/flags/edit-flag";
import { editFlagSchema } from "@/lib/validation/flag";

export const dynamic = "force-dynamic";

/** The author revises an open flag (or answers "needs evidence"). */
export const PATCH = apiRoute<{ id: string }>(async ({ params, viewer, json }) => ({
  annotation: await editFlag({ viewerId: viewer.id, annotationId: params.id, input: parseInput(editFlagSchema, json) }),
}));
