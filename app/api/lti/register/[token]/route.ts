import { appOrigin } from "@/lib/server/http/app-origin";
import { safeValues } from "@/lib/server/http/route-params";
import { completeDynamicRegistration } from "@/lib/server/lti/dynamic-registration";
import { htmlPage, messageHtml } from "@/lib/server/lti/html-page";
import { ltiHtmlEndpoint, safeParams } from "@/lib/server/lti/lti-endpoint";

export const dynamic = "force-dynamic";

/**
 * LTI Dynamic Registration (1.0): the platform opens this address (an
 * administrator's one-time link) with its openid_configuration and
 * registration_token; we read its configuration, register with it, store the
 * platform, and tell the platform's window we are done (postMessage
 * org.imsglobal.lti.close). Framed by the platform whose configuration it is.
 */
export const GET = ltiHtmlEndpoint<{ params: Promise<{ token: string }> }>("The registration did not finish", async (req, { params }) => {
  const query = safeParams(new URL(req.url).searchParams);
  const { token } = safeValues(await params);
  const done = await completeDynamicRegistration({
    token,
    openidConfiguration: query.get("openid_configuration"),
    registrationToken: query.get("registration_token"),
    appOrigin: appOrigin(req),
  });
  return htmlPage({
    title: "Registered",
    body: messageHtml("Marginalia is registered", `This platform (${done.issuer}) can now launch Marginalia. You can close this window.`),
    frameAncestors: done.frameOrigins,
    script: '(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");',
  });
});
