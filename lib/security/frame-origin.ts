/**
 * What may stand in a frame-ancestors source list for a learning platform:
 * a plain origin. Kept apart from frame-grant.ts (node:crypto) so forms and
 * their validation can use it anywhere.
 */

/** A CSP source for a site: scheme, host and optional port, nothing else (no path, wildcard, space or quote). */
export const FRAME_ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/;

/** The origin of `value` when it is a plain http(s) origin that can go into a CSP source list, else null. */
export function toFrameOrigin(value: string): string | null {
  let origin: string;
  try {
    origin = new URL(value).origin;
  } catch {
    return null;
  }
  return FRAME_ORIGIN.test(origin) ? origin : null;
}
