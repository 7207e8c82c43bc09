import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";

/**
 * Runs before every page render: a fresh script nonce per request, in the
 * response's Content-Security-Policy. Next reads the nonce back from the
 * request's CSP header and puts it on its own inline and bundle scripts, which
 * is why the header is set on the forwarded request too; `x-nonce` is there
 * for any server component that renders a <Script> of its own.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
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
  ],
};
