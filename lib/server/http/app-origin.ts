import "server-only";

/**
 * The app's public origin, for absolute IRIs in exported files and for
 * recognising our own IRIs in imported ones. NEXTAUTH_URL wins when set (as
 * in same-origin.ts): behind a proxy, the URL Next sees may be an internal
 * address. Only the origin is used, since NEXTAUTH_URL may carry /api/auth.
 */
export function appOrigin(req: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  return new URL(configured || req.url).origin;
}

/**
 * The same origin for a page (a server component has no Request): NEXTAUTH_URL
 * when set, else the Host the page was asked for.
 */
export async function pageOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const { headers } = await import("next/headers");
  const incoming = await headers();
  return `${incoming.get("x-forwarded-proto") ?? "http"}://${incoming.get("host") ?? "localhost"}`;
}
