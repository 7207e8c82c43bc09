import "server-only";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/server/http/error-response";
import { readBoundedBody } from "@/lib/server/http/read-body";
import { hasOnlyUsableCharacters, UNMATCHABLE_ID } from "@/lib/server/http/route-params";
import { htmlPage, messageHtml } from "./html-page";
import { registeredFrameOrigins } from "./platforms";

/** An id_token with every claim we read is a few KB; a form ten times that is no launch. */
export const MAX_LTI_FORM_BYTES = 64 * 1024;

/**
 * The fields of a form post (the OIDC form_post, a login initiation, our
 * picker's answer): only application/x-www-form-urlencoded (415 otherwise),
 * at most MAX_LTI_FORM_BYTES (413), read before anything else happens.
 */
export async function readForm(req: Request): Promise<URLSearchParams> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media", "Send the form as application/x-www-form-urlencoded.");
  }
  return safeParams(new URLSearchParams((await readBoundedBody(req, MAX_LTI_FORM_BYTES)).toString("utf8")));
}

/**
 * The parameters with every value that holds a control character (PostgreSQL
 * refuses U+0000), a broken escape's U+FFFD or a lone surrogate replaced by an
 * id no row has, and such keys dropped: as with every route's path and query
 * values (route-params.ts), such a value answers exactly as a random one would
 * and never reaches a query. Unlike there, length is no reason: an id_token is long.
 */
export function safeParams(params: URLSearchParams): URLSearchParams {
  const safe = new URLSearchParams();
  for (const [key, value] of params) {
    if (hasOnlyUsableCharacters(key)) safe.append(key, hasOnlyUsableCharacters(value) ? value : UNMATCHABLE_ID);
  }
  return safe;
}

/**
 * Wraps an LTI endpoint that a browser reaches inside a platform's frame: a
 * refusal is an HTML page with its sentence (the status of its code), framed
 * by the registered platforms so the person sees it where they clicked,
 * never a stack trace or bare JSON.
 */
export function ltiHtmlEndpoint<C = unknown>(heading: string, handler: (req: Request, context: C) => Promise<Response>) {
  return async (req: Request, context: C): Promise<Response> => {
    try {
      return await handler(req, context);
    } catch (error) {
      const problem = toAppError(error);
      const frameAncestors = await registeredFrameOrigins().catch(() => []);
      return htmlPage({ title: heading, body: messageHtml(heading, problem.message), status: problem.status, frameAncestors });
    }
  };
}
