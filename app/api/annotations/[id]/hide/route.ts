import { hideAnnotation } from "@/lib/server/annotations/hide-annotation";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { hideAnnotationSchema } from "@/lib/validation/annotation";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** A teacher of the class hides an annotation from classmates or shows it again; anyone else gets 404. */
export const POST = apiRoute<Params>(async ({ params, viewer, json }) => {
  const { hidden } = parseInput(hideAnnotationSchema, json);
  return { annotation: await hideAnnotation({ viewerId: viewer.id, annotationId: params.id, hidden }) };
});
