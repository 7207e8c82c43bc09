import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { createReply } from "@/lib/server/replies/reply-writes";
import { createReplySchema } from "@/lib/validation/annotation";

export const dynamic = "force-dynamic";

/** Replies to a visible thread; repeating the same id returns the first reply (200). */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer, json }) => {
  const input = parseInput(createReplySchema, json);
  const { reply, isNew } = await createReply({ viewerId: viewer.id, annotationId: params.id, input });
  return Response.json({ reply }, { status: isNew ? 201 : 200 });
});
