import { completeLaunch } from "@/lib/server/lti/launch";
import { ltiHtmlEndpoint, readForm } from "@/lib/server/lti/lti-endpoint";

export const dynamic = "force-dynamic";

/**
 * The OIDC form_post from the platform (Security Framework §5.1.1.3): the
 * one endpoint that accepts a cross-site POST, because the specification
 * makes the platform post here. What replaces the Origin check is the launch
 * itself (lib/server/lti/launch.ts): the state must be this browser's (its
 * cookie), unused and fresh, and the id_token signed by the registered
 * platform and carrying that login's nonce. Success opens a session that
 * works in the platform's frame and goes on to the assignment (303).
 */
export const POST = ltiHtmlEndpoint("The launch was refused", async (req) => {
  const launch = await completeLaunch({ form: await readForm(req), cookieHeader: req.headers.get("cookie") });
  const res = new Response(null, { status: 303, headers: { Location: launch.location, "Cache-Control": "no-store" } });
  for (const cookie of launch.setCookies) res.headers.append("Set-Cookie", cookie);
  return res;
});
