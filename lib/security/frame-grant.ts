import { createHmac, timingSafeEqual } from "node:crypto";
import { FRAME_ORIGIN, toFrameOrigin } from "./frame-origin";

export { toFrameOrigin };

/**
 * Which sites may frame our pages, after an LTI launch. A browser that
 * launched from a registered platform holds this cookie, signed by us, naming
 * that platform's origins and when the grant ends; proxy.ts reads it on every
 * page and puts the origins in `frame-ancestors` instead of 'none'. Without
 * it (every request outside LTI) pages stay unframeable, exactly as before.
 *
 * A cookie rather than a database lookup: proxy runs before every page, and
 * the grant must hold only what a launch established. It grants nothing but
 * framing: who is signed in is the session cookie's business.
 */
export const FRAME_GRANT_COOKIE = "marginalia.lti-frame";

const MAX_ORIGINS = 10;

function mac(payload: string, secret: string): Buffer {
  // A key of its own, derived from the app secret: a grant can never pass for another signed value of ours.
  return createHmac("sha256", `lti-frame-grant:${secret}`).update(payload).digest();
}

/** The cookie value granting `origins` until `expiresAtMs`. */
export function signFrameGrant(origins: readonly string[], expiresAtMs: number, secret: string): string {
  const clean = [...new Set(origins.map(toFrameOrigin).filter((o): o is string => o !== null))].slice(0, MAX_ORIGINS);
  const payload = Buffer.from(JSON.stringify({ o: clean, e: expiresAtMs })).toString("base64url");
  return `${payload}.${mac(payload, secret).toString("base64url")}`;
}

/** The origins a cookie value grants, or null when it is absent, forged, expired or names none. */
export function readFrameGrant(value: string | undefined, secret: string | undefined, now = Date.now()): string[] | null {
  if (!value || !secret || value.length > 4096) return null;
  const [payload, signature] = value.split(".");
  if (!payload || !signature) return null;
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { o, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { o: unknown; e: unknown };
    if (typeof e !== "number" || e <= now || !Array.isArray(o)) return null;
    const origins = o.filter((x): x is string => typeof x === "string" && FRAME_ORIGIN.test(x));
    return origins.length > 0 ? origins : null;
  } catch {
    return null;
  }
}
