import "server-only";
import type { CookieOption } from "next-auth";

/**
 * The session cookie, spelled out rather than left to next-auth's defaults so
 * a test pins it: HttpOnly (page scripts never see the token), SameSite=Lax
 * (other sites' forms and fetches do not carry it; a plain link still signs
 * the user in), path /, and Secure with the __Secure- name prefix whenever
 * the public address (NEXTAUTH_URL) is https.
 */
export function sessionCookie(publicUrl: string | undefined): CookieOption {
  const isSecure = publicUrl?.startsWith("https://") ?? false;
  return {
    name: `${isSecure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: isSecure },
  };
}

/**
 * The cookie of a session opened by an LTI launch, which lives in the
 * learning platform's iframe. A SameSite=Lax cookie is never sent to a page
 * framed by another site, so this one is SameSite=None; that requires
 * Secure, and Partitioned (CHIPS) keeps it in a jar of its own per embedding
 * site, so browsers that block third-party cookies still keep it and no other
 * site's frame can use it. It carries the same thing as next-auth's cookie
 * (who, and the token of a server-side session row), encoded the same way, so
 * reading it is the same code (session-token.ts). Cross-site requests carry it
 * by design: every state change still has to pass the same-Origin check.
 */
export const LTI_SESSION_COOKIE = "marginalia.lti-session";

/** The attributes of every cookie that must reach us inside a platform's frame. */
export const FRAMED_COOKIE_ATTRIBUTES = "HttpOnly; Secure; SameSite=None; Partitioned";

/** A Set-Cookie line for a cookie that works inside a platform's frame. */
export function framedCookie(name: string, value: string, { path = "/", maxAgeS }: { path?: string; maxAgeS: number }): string {
  return `${name}=${value}; Path=${path}; Max-Age=${maxAgeS}; ${FRAMED_COOKIE_ATTRIBUTES}`;
}
