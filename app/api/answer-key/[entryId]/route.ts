import { deleteAnswerKeyEntry } from "@/lib/server/answer-key/delete-answer-key-entry";
import { apiRoute } from "@/lib/server/http/api-route";

type Params = { entryId: string };

export const dynamic = "force-dynamic";

/** Removes an answer-key entry (teachers of its class only; 404 for anyone else). */
export const DELETE = apiRoute<Params>(async ({ params, viewer }) => {
  await deleteAnswerKeyEntry({ viewerId: viewer.id, entryId: params.entryId });
  return { ok: true };
});
