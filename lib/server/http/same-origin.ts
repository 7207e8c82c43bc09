import "server-only";
import { AppError } from "@/lib/errors";

/**
 * Cookie-authenticated mutations must come from our own pages: the Origin
 * header has to be present and equal to the app's origin (NEXTAUTH_URL, or
 * the Host the request was made to). A missing, "null" or foreign Origin is
 * refused, which stops cross-site request forgery even for text/plain posts.
 */
export function checkSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") {
    throw new AppError("forbidden_origin", "This request did not come from this site's pages.");
  }
  if (!allowedOrigins(req).includes(origin)) {
    throw new AppError("forbidden_origin", "This request came from another site and was refused.");
  }
}

function allowedOrigins(req: Request): string[] {
  const origins: string[] = [];
  if (process.env.NEXTAUTH_URL) origins.push(new URL(process.env.NEXTAUTH_URL).origin);
  const host = req.headers.get("host");
  if (host && !process.env.NEXTAUTH_URL) {
    const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
    origins.push(`${proto}://${host}`);
  }
  return origins;
}
