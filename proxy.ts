import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";
import { FRAME_GRANT_COOKIE, readFrameGrant } from "@/lib/security/frame-grant";
import { repairUnreadablePath } from "@/lib/security/unreadable-path";

/**
 * Runs before every page render: a fresh script nonce per request, in the
 * response's Content-Security-Policy. Next reads the nonce back from the
 * request's CSP header and puts it on its own inline and bundle scripts, which
 * is why the header is set on the forwarded request too; `x-nonce` is there
 * for any server component that renders a <Script> of its own.
 *
 * A browser that launched from a registered learning platform carries a
 * signed frame grant (lib/security/frame-grant.ts): its pages may then be
 * framed by that platform's origins, and by no one else. Without one,
 * `frame-ancestors 'none'` as always.
 */
export function proxy(request: NextRequest) {
  // A segment Next cannot decode would be its bare 500, and a rewrite does not help (Next takes params from the
  // original URL): sent on to the same path with an id no row has, it then answers as a random id does.
  const repaired = repairUnreadablePath(request.nextUrl.pathname);
  if (repaired !== null) {
    const url = request.nextUrl.clone();
    url.pathname = repaired;
    return NextResponse.redirect(url, 307);
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  return withPolicy(request, (headers) => NextResponse.next({ request: { headers } }));
}

function withPolicy(request: NextRequest, respond: (headers: Headers) => NextResponse) {
  const nonce = createNonce();
  const frameAncestors = readFrameGrant(request.cookies.get(FRAME_GRANT_COOKIE)?.value, process.env.NEXTAUTH_SECRET) ?? [];
  const policy = buildContentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === "development", frameAncestors });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = respond(requestHeaders);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only. API routes are left out on purpose: when proxy runs on a
      // route, Next buffers the request body (up to 10 MB) before the handler
      // sees it, which would defeat the handlers' early 413 for large bodies.
      // Static files carry no inline script, and prefetches are not documents.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // API paths only when they hold an escape of a byte past ASCII, which no id of ours has: such a path
    // may not be UTF-8 at all, and its body (junk anyway) can be buffered.
    { source: "/api/:path(.*%[89a-fA-F][0-9a-fA-F].*)" },
  ],
};
