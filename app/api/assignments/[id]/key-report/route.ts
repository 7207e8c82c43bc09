import { findKeyReport } from "@/lib/server/answer-key/find-key-report";
import { apiRoute } from "@/lib/server/http/api-route";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** Who found which key entry, per-student counts and flags outside the key (teachers of the class only). */
export const GET = apiRoute<Params>(async ({ params, viewer }) =>
  findKeyReport({ viewerId: viewer.id, assignmentId: params.id }),
);
