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
