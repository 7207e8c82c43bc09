import { createAnswerKeyEntry } from "@/lib/server/answer-key/create-answer-key-entry";
import { listAnswerKey } from "@/lib/server/answer-key/list-answer-key";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { createAnswerKeyEntrySchema } from "@/lib/validation/answer-key";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** The answer key, in text order (teachers of the class only). */
export const GET = apiRoute<Params>(async ({ params, viewer }) =>
  listAnswerKey({ viewerId: viewer.id, assignmentId: params.id }),
);

/** Adds an entry from a hint (201, or 200 with the existing entry) or by hand (201; 409 for a duplicate). */
export const POST = apiRoute<Params>(async ({ params, viewer, json }) => {
  const input = parseInput(createAnswerKeyEntrySchema, json);
  const { entry, isNew } = await createAnswerKeyEntry({ viewerId: viewer.id, assignmentId: params.id, input });
  return Response.json({ entry }, { status: isNew ? 201 : 200 });
});
