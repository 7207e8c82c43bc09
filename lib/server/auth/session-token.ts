import "server-only";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authOptions } from "./auth-options";
import { LTI_SESSION_COOKIE, sessionCookie } from "./session-cookie";

/** Decrypted cookies by their exact value; a class's worth of browsers many times over. */
const MAX_REMEMBERED = 5_000;
const remembered = new Map<string, { sid: string; expiresAtMs: number }>();

/** A session row's token and whether it came from an LTI launch's cookie. */
export interface SessionRef {
  sid: string;
  isLti: boolean;
}

/**
 * The session behind the request: next-auth's cookie first, else the cookie an
 * LTI launch set (session-cookie.ts). Inside a platform's frame only the
 * latter arrives; in a tab of our own, where both may, the person's own
 * sign-in wins.
 */
export async function readSessionRef(): Promise<SessionRef | null> {
  const sid = await readSessionId();
  if (sid) return { sid, isLti: false };
  const secret = process.env.NEXTAUTH_SECRET;
  const cookie = (await cookies()).get(LTI_SESSION_COOKIE)?.value;
  if (!secret || !cookie) return null;
  const lti = await decodeCached(cookie, secret);
  return lti ? { sid: lti, isLti: true } : null;
}

/**
 * The session row's token (`sid`) from the request's next-auth cookie, or null.
 *
 * Decrypting the cookie derives a key (HKDF) and runs AES-GCM, and next-auth's
 * getServerSession adds a full pass through its handler and a fresh cookie:
 * about a millisecond of CPU on every request. A cookie value that decrypted
 * once always decrypts to the same payload, so its sid and expiry are kept
 * in memory by that value; the session row is still read on every request,
 * so signing out takes effect at once.
 */
export async function readSessionId(): Promise<string | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  const jar = await cookies();
  const name = sessionCookie(process.env.NEXTAUTH_URL).name;
  const cookie = jar.get(name)?.value;
  // No secret of our own, or a cookie next-auth split in chunks: let next-auth read it.
  if (!secret || (!cookie && jar.has(`${name}.0`))) return fromNextAuth();
  if (!cookie) return null;
  return decodeCached(cookie, secret);
}

/** The sid in a session cookie's value (next-auth's encoding), remembered by value. */
async function decodeCached(cookie: string, secret: string): Promise<string | null> {
  let entry = remembered.get(cookie);
  if (!entry) {
    const payload = await decode({ token: cookie, secret }).catch(() => null);
    if (!payload || typeof payload.sid !== "string" || typeof payload.exp !== "number") return null;
    entry = { sid: payload.sid, expiresAtMs: payload.exp * 1000 };
    remembered.set(cookie, entry);
    if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  }
  return entry.expiresAtMs > Date.now() ? entry.sid : null;
}

async function fromNextAuth(): Promise<string | null> {
  const session = (await getServerSession(authOptions)) as { sid?: unknown } | null;
  return typeof session?.sid === "string" ? session.sid : null;
}
