import "server-only";

type Handler<C> = (req: Request, context: C) => Promise<Response>;

/**
 * Wraps next-auth's GET endpoints so the JSON of `/api/auth/session` never
 * carries `sid`, the token of the server-side session row: page scripts
 * only need who is signed in, and a token read by a script (an injected one,
 * a browser extension) would outlive the HttpOnly cookie's protection. The
 * session callback still returns it, because getServerSession on the server
 * reads it there (session-token.ts); this is the one door to the browser.
 */
export function hideSessionToken<C>(handler: Handler<C>): Handler<C> {
  return async (req, context) => {
    const response = await handler(req, context);
    const isSession = new URL(req.url).pathname.endsWith("/session");
    if (!isSession || !response.headers.get("content-type")?.startsWith("application/json")) return response;
    const session = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (session && typeof session === "object") delete session.sid;
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify(session ?? {}), { status: response.status, statusText: response.statusText, headers });
  };
}
