import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { createAnnotationSchema } from "@/lib/validation/annotation";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** Every annotation of the assignment the viewer may see. */
export const GET = apiRoute<Params>(async ({ params, viewer }) =>
  findAnnotations({ viewerId: viewer.id, assignmentId: params.id }),
);

/** Creates a highlight or comment; repeating the same id returns the first result (200). */
export const POST = apiRoute<Params>(async ({ params, viewer, json }) => {
  const input = parseInput(createAnnotationSchema, json);
  const { annotation, isNew } = await createAnnotation({ viewerId: viewer.id, assignmentId: params.id, input });
  return Response.json({ annotation }, { status: isNew ? 201 : 200 });
});
