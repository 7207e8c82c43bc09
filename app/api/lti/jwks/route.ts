import { errorResponse, toAppError } from "@/lib/server/http/error-response";
import { publishedKeySet } from "@/lib/server/lti/tool-keys";

export const dynamic = "force-dynamic";

/**
 * Our public key set, at a stable address to give every platform (README
 * "Learning platforms"): the current signing key and recently retired ones.
 * Public by nature; platforms may cache it for five minutes.
 */
export async function GET() {
  try {
    return Response.json(await publishedKeySet(), { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    return errorResponse(toAppError(error));
  }
}
