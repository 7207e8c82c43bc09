/**
 * Which addresses we call or send people to. Platforms' endpoints must be
 * https; plain http only on this machine's loopback, where the test platform
 * and a developer's local LMS run (an https-only rule there would need
 * certificates for every test run).
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The URL when `value` is an absolute https URL (or http on loopback) without credentials; null otherwise. */
export function parseEndpointUrl(value: unknown): URL | null {
  if (typeof value !== "string" || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return url;
  return null;
}

/** The sentence for an endpoint that parseEndpointUrl refused. */
export function endpointProblem(label: string): string {
  return `The ${label} must be a full https:// address (plain http only on localhost).`;
}
