import { z } from "zod";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { deleteReply, updateReply } from "@/lib/server/replies/reply-writes";
import { updateReplySchema } from "@/lib/validation/annotation";

type Params = { id: string };

export const dynamic = "force-dynamic";

export const PATCH = apiRoute<Params>(async ({ params, viewer, json }) => {
  const input = parseInput(updateReplySchema, json);
  return { reply: await updateReply({ viewerId: viewer.id, replyId: params.id, input }) };
});

export const DELETE = apiRoute<Params>(async ({ params, viewer, json }) => {
  const { version } = parseInput(z.object({ version: z.number().int().positive() }), json);
  await deleteReply({ viewerId: viewer.id, replyId: params.id, version });
  return { ok: true };
});
