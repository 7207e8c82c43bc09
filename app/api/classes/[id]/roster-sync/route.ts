import { apiRoute } from "@/lib/server/http/api-route";
import { requestRosterSync } from "@/lib/server/lti/roster-sync";

export const dynamic = "force-dynamic";

/** A teacher syncs the class's roster from its learning platform now (NRPS); 404 for anyone else. */
export const POST = apiRoute<{ id: string }>(async ({ viewer, params }) => requestRosterSync({ viewerId: viewer.id, classroomId: params.id }));
