import { appOrigin } from "@/lib/server/http/app-origin";
import { beginLogin } from "@/lib/server/lti/login";
import { ltiHtmlEndpoint, safeParams, readForm } from "@/lib/server/lti/lti-endpoint";

export const dynamic = "force-dynamic";

/**
 * OIDC third-party login initiation (Security Framework §5.1.1), by GET or
 * a form POST from the platform. Cross-site by design, so no Origin check: it
 * only sends this browser to the registered platform's own login page with a
 * fresh state (bound to this browser by a cookie) and nonce; nothing is
 * opened until the launch comes back with both.
 */
const login = (params: URLSearchParams, req: Request) =>
  beginLogin({ params, appOrigin: appOrigin(req) }).then(({ location, setCookie }) => {
    const res = new Response(null, { status: 302, headers: { Location: location, "Cache-Control": "no-store" } });
    res.headers.append("Set-Cookie", setCookie);
    return res;
  });

export const GET = ltiHtmlEndpoint("The launch could not start", (req) => login(safeParams(new URL(req.url).searchParams), req));
export const POST = ltiHtmlEndpoint("The launch could not start", async (req) => login(await readForm(req), req));
