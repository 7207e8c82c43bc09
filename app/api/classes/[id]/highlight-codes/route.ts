import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { findHighlightCodes } from "@/lib/server/highlight-codes/find-highlight-codes";
import { saveHighlightCodes } from "@/lib/server/highlight-codes/save-highlight-codes";
import { saveHighlightCodesSchema } from "@/lib/validation/highlight-codes";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** The class's highlight codes in key order (any member of the class). */
export const GET = apiRoute<Params>(async ({ params, viewer }) => ({ codes: await findHighlightCodes({ viewerId: viewer.id, classroomId: params.id }) }));

/** Replaces the class's codes with the list sent, in key order (teachers of the class only). */
export const PUT = apiRoute<Params>(async ({ params, viewer, json }) => {
  const input = parseInput(saveHighlightCodesSchema, json);
  return saveHighlightCodes({ viewerId: viewer.id, classroomId: params.id, input });
});
