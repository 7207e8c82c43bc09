import { z } from "zod";
import { AppError } from "@/lib/errors";
import { admitViewer } from "@/lib/server/http/api-route";
import { getViewer } from "@/lib/server/auth/viewer";
import { appOrigin } from "@/lib/server/http/app-origin";
import { checkSameOrigin } from "@/lib/server/http/same-origin";
import { createDeepLinkingResponse } from "@/lib/server/lti/deep-linking";
import { autoPostPage } from "@/lib/server/lti/html-page";
import { ltiHtmlEndpoint, readForm } from "@/lib/server/lti/lti-endpoint";

export const dynamic = "force-dynamic";

const choiceSchema = z.object({ launch: z.string().min(1).max(200), assignment: z.string().min(1).max(200) });

/**
 * The picker's choice (a form our own page posts, same Origin like every
 * mutation): the signed LtiDeepLinkingResponse, in a page that posts it on
 * to the platform's return address, the only place its form may post to.
 * A form, not fetch: the answer is a navigation of the platform's frame.
 */
export const POST = ltiHtmlEndpoint("The choice could not be sent", async (req) => {
  checkSameOrigin(req);
  const viewer = admitViewer(await getViewer());
  const choice = choiceSchema.safeParse(Object.fromEntries(await readForm(req)));
  if (!choice.success) throw new AppError("invalid", "Choose an assignment to add.");
  const answer = await createDeepLinkingResponse({ viewerId: viewer.id, launchId: choice.data.launch, assignmentId: choice.data.assignment, appOrigin: appOrigin(req) });
  return autoPostPage({ action: answer.returnUrl, fields: { JWT: answer.jwt }, frameAncestors: answer.frameOrigins, heading: "Sending your choice to the course" });
});
