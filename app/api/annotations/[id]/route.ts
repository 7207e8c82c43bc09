import { z } from "zod";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import { deleteAnnotation, updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { updateAnnotationSchema } from "@/lib/validation/annotation";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** One annotation as the viewer sees it now (404 when they may not), with the log position it is current to. */
export const GET = apiRoute<Params>(async ({ params, viewer }) => ({ annotation: await reloadAnnotation(viewer.id, params.id) }));

/** Edits body, tags or scope of your own annotation; a stale version gets 409. */
export const PATCH = apiRoute<Params>(async ({ params, viewer, json }) => {
  const input = parseInput(updateAnnotationSchema, json);
  return { annotation: await updateAnnotation({ viewerId: viewer.id, annotationId: params.id, input }) };
});

export const DELETE = apiRoute<Params>(async ({ params, viewer, json }) => {
  const { version } = parseInput(z.object({ version: z.number().int().positive() }), json);
  await deleteAnnotation({ viewerId: viewer.id, annotationId: params.id, version });
  return { ok: true };
});
