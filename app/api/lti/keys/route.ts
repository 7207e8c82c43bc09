import { apiRoute } from "@/lib/server/http/api-route";
import { listToolKeys, rotateToolKey } from "@/lib/server/lti/tool-keys";

export const dynamic = "force-dynamic";

/** Our signing keys, newest first (administrators only). */
export const GET = apiRoute(async ({ viewer }) => ({ keys: await listToolKeys({ viewer }) }));

/** An administrator rotates our signing key; the old one stays published for a week. */
export const POST = apiRoute(async ({ viewer }) => rotateToolKey({ viewer }));
