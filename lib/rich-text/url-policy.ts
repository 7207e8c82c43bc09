import { MAX_HREF_LENGTH } from "./limits";

/**
 * URL policy for links in student comments.
 *
 * Allowed: absolute `http://`, `https://` and `mailto:` addresses, nothing else.
 * The raw string must already be clean; we never "repair" an address, because
 * every repair (trimming, dropping tabs, decoding entities) is exactly what
 * browsers do when they turn `" java\tscript:"` back into `javascript:`.
 *
 * Rejected outright:
 * - any whitespace, control, format (zero-width, bidi) or separator character,
 *   anywhere — honest links are percent-encoded;
 * - a backslash, which URL parsers silently turn into `/`;
 * - anything whose raw text does not start with `http://`, `https://` or
 *   `mailto:` (so relative, protocol-relative, `javascript:`, `data:`,
 *   `vbscript:`, `&#106;avascript:` and `javascript&colon;` all fail before
 *   parsing);
 * - http(s) URLs with credentials (`https://trusted.edu@evil.example`), a
 *   phishing trick, or without a host;
 * - `mailto:` without an address;
 * - anything longer than MAX_HREF_LENGTH.
 *
 * Accepted addresses are returned in the WHATWG-normalised form (`URL.href`),
 * so what we store and render is exactly what the parser understood.
 */

const RAW_PREFIX = /^(?:https?:\/\/|mailto:)/i;
// \s covers ASCII and Unicode spaces; Cc controls; Cf zero-width/bidi/BOM;
// Z separators (U+2028/2029); Cs lone surrogates, which URL would mangle.
const FORBIDDEN_CHARS = /[\s\\\p{Cc}\p{Cf}\p{Cs}]/u;
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Returns the normalised href when `raw` passes the URL policy, else null.
 * Never throws.
 */
export function normalizeHref(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  if (raw.length === 0 || raw.length > MAX_HREF_LENGTH) return null;
  if (FORBIDDEN_CHARS.test(raw) || !RAW_PREFIX.test(raw)) return null;

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;

  if (url.protocol === "mailto:") {
    if (url.pathname.length === 0) return null;
  } else {
    if (url.hostname.length === 0) return null;
    if (url.username !== "" || url.password !== "") return null;
  }
  // Normalisation could in theory lengthen the string (percent-encoding).
  return url.href.length <= MAX_HREF_LENGTH ? url.href : null;
}

/** True when `raw` passes the URL policy (see normalizeHref). */
export function isSafeHref(raw: unknown): boolean {
  return normalizeHref(raw) !== null;
}
