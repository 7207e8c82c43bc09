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
