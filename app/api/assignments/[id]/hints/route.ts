import { apiRoute } from "@/lib/server/http/api-route";
import { findHintsJsonForAssignment } from "@/lib/server/hints/find-hints-for-assignment";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** Automatic hints on the current text: teachers always, students only once the teacher's setting allows (404 before). */
export const GET = apiRoute<Params>(
  async ({ params, viewer }) =>
    new Response(await findHintsJsonForAssignment({ viewerId: viewer.id, assignmentId: params.id }), {
      headers: { "content-type": "application/json" },
    }),
);
