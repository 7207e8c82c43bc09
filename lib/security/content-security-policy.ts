/**
 * The page Content-Security-Policy. Pure (no Next imports) so the exact
 * policy is unit-tested and proxy.ts stays a few lines.
 */

/** Bytes of randomness per nonce: 128 bits, as CSP Level 3 recommends. */
const NONCE_BYTES = 16;

/** A fresh, unguessable nonce for one response (base64, as the CSP grammar allows). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one HTML response. Scripts run only with this response's
 * nonce; 'strict-dynamic' lets those scripts load Next's chunks without an
 * allow-list of URLs. Styles keep 'unsafe-inline' because Tiptap and React
 * set style attributes (e.g. the selection toolbar's position), which a nonce
 * cannot cover; style injection is far less dangerous than script injection.
 * `isDev` adds 'unsafe-eval', which React's dev-only error overlay needs.
 * `frameAncestors` lists the learning platform's origins for a browser that
 * launched from one (frame-grant.ts); everywhere else no site may frame us.
 */
export function buildContentSecurityPolicy({
  nonce,
  isDev = false,
  frameAncestors = [],
}: {
  nonce: string;
  isDev?: boolean;
  frameAncestors?: readonly string[];
}): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    frameAncestors.length > 0 ? ["frame-ancestors", ...frameAncestors] : ["frame-ancestors", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["object-src", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}
