import "server-only";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/server/http/error-response";
import { readBoundedBody } from "@/lib/server/http/read-body";
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
  return printableOnly(new URLSearchParams((await readBoundedBody(req, MAX_LTI_FORM_BYTES)).toString("utf8")));
}

// Control characters (PostgreSQL refuses U+0000 outright) and what a broken escape leaves behind.
const UNPRINTABLE = /[\u0000-\u001f\u007f\ufffd]/;

/**
 * Refuses (422) parameters holding a control character. Everything LTI
 * sends (tokens, ids, URLs, hints) is printable, so such a value is never a
 * real launch, and it must not reach a query (README "Security": bad input).
 */
export function printableOnly(params: URLSearchParams): URLSearchParams {
  for (const [key, value] of params) {
    if (UNPRINTABLE.test(key) || UNPRINTABLE.test(value)) throw new AppError("invalid", "The request holds characters no LTI message has.");
  }
  return params;
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
