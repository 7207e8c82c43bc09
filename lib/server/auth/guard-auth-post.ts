import "server-only";
import { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { SIGN_IN_ERROR } from "@/lib/format/sign-in-errors";
import { errorResponse, toAppError } from "@/lib/server/http/error-response";
import { readBoundedBody } from "@/lib/server/http/read-body";
import { checkSameOrigin } from "@/lib/server/http/same-origin";
import { credentialsSchema } from "./auth-options";
import { knownDeviceSetCookie } from "./known-device";
import { sessionCookie } from "./session-cookie";

/** An email, a password, next-auth's CSRF token and a return path fit in far less. */
export const MAX_AUTH_FORM_BYTES = 16 * 1024;

type Handler<C> = (req: NextRequest, context: C) => Promise<Response>;

/**
 * Puts next-auth's POST endpoints (sign-in, sign-out) behind the same gate
 * as every other mutation: same Origin (403), a form body (415 otherwise) of
 * bounded size (413), read before next-auth sees it — next-auth itself would
 * read any body whole. A throttled sign-in answers 429 instead of next-auth's
 * 401, with the same JSON, so scripts and the form can tell it from a wrong
 * password. A successful sign-in also gets the known-device cookie, which
 * keeps this browser's own attempts apart from strangers' (known-device.ts).
 */
export function guardAuthPost<C>(handler: Handler<C>): Handler<C> {
  return async (req, context) => {
    try {
      checkSameOrigin(req);
      if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get("content-type") ?? "")) {
        throw new AppError("unsupported_media", "Send the form as application/x-www-form-urlencoded.");
      }
      const body = await readBoundedBody(req, MAX_AUTH_FORM_BYTES);
      const headers = new Headers(req.headers);
      headers.set("content-length", String(body.byteLength));
      const bounded = new NextRequest(req.url, { method: req.method, headers, body: new Uint8Array(body) });
      return markKnownDevice(req, body, await markThrottled(await handler(bounded, context)));
    } catch (error) {
      return errorResponse(toAppError(error));
    }
  };
}

async function markThrottled(response: Response): Promise<Response> {
  const isJson = response.headers.get("content-type")?.startsWith("application/json");
  if (response.status !== 401 || !isJson) return response;
  const text = await response.text();
  let error: string | null = null;
  try {
    error = new URL((JSON.parse(text) as { url: string }).url, "http://x").searchParams.get("error");
  } catch {
    // not next-auth's { url } answer: pass it on unchanged
  }
  const status = error === SIGN_IN_ERROR.throttled ? 429 : error === SIGN_IN_ERROR.unavailable ? 503 : response.status;
  return new Response(text, { status, headers: response.headers });
}

/** Adds the known-device cookie to an answer that opened a session for the credentials form's email. */
function markKnownDevice(req: NextRequest, body: Buffer, response: Response): Response {
  const secret = process.env.NEXTAUTH_SECRET;
  const sessionName = `${sessionCookie(process.env.NEXTAUTH_URL).name}=`;
  const opened = response.headers.getSetCookie().some((line) => line.startsWith(sessionName) && !/max-age=0\b/i.test(line));
  if (!secret || !opened || !req.nextUrl.pathname.endsWith("/callback/credentials")) return response;
  const form = credentialsSchema.safeParse(Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  if (!form.success) return response;
  const headers = new Headers(response.headers);
  headers.append("set-cookie", knownDeviceSetCookie(form.data.email, secret));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
