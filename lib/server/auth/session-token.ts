import "server-only";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authOptions } from "./auth-options";
import { sessionCookie } from "./session-cookie";

/** Decrypted cookies by their exact value; a class's worth of browsers many times over. */
const MAX_REMEMBERED = 5_000;
const remembered = new Map<string, { sid: string; expiresAtMs: number }>();

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
