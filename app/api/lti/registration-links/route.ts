import { appOrigin } from "@/lib/server/http/app-origin";
import { apiRoute } from "@/lib/server/http/api-route";
import { createRegistrationLink } from "@/lib/server/lti/dynamic-registration";

export const dynamic = "force-dynamic";

/** An administrator makes a one-time LTI Dynamic Registration link (an hour) to paste into Moodle or Canvas. */
export const POST = apiRoute(async ({ req, viewer }) => Response.json(await createRegistrationLink({ viewer, appOrigin: appOrigin(req) }), { status: 201 }));
