import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** How long a browser stays "known" after its last successful sign-in. */
export const KNOWN_DEVICE_MAX_AGE_S = 180 * 24 * 60 * 60;

/** The cookie's name: `__Host-` (Secure, no Domain, path /) whenever the public address is https. */
export function knownDeviceCookieName(publicUrl = process.env.NEXTAUTH_URL): string {
  return `${publicUrl?.startsWith("https://") ? "__Host-" : ""}marginalia.known-device`;
}

/** A fixed-length stand-in for an email, so the cookie never carries the address itself. */
export const accountDigest = (email: string) => createHash("sha256").update(email).digest("base64url").slice(0, 22);

function signature(payload: string, secret: string): Buffer {
  // A key of its own, derived from the app secret: a device cookie can never pass for a session cookie.
  return createHmac("sha256", `known-device:${secret}`).update(payload).digest();
}

/**
 * The Set-Cookie line that marks this browser as one its owner signed in
 * from: "<account digest>.<random device id>.<HMAC>". HttpOnly and SameSite=Lax
 * like the session cookie; it grants nothing by itself (no session, no
 * identity), it only lets sign-in attempts from this browser be counted in
 * a budget of their own, so strangers' failed guesses cannot lock the owner
 * out (see sign-in-throttle.ts). A browser remembers the last account signed
 * in on it.
 */
export function knownDeviceSetCookie(email: string, secret: string, publicUrl = process.env.NEXTAUTH_URL): string {
  const payload = `${accountDigest(email)}.${randomBytes(12).toString("base64url")}`;
  const value = `${payload}.${signature(payload, secret).toString("base64url")}`;
  const secure = publicUrl?.startsWith("https://") ? "; Secure" : "";
  return `${knownDeviceCookieName(publicUrl)}=${value}; Path=/; Max-Age=${KNOWN_DEVICE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`;
}

/**
 * The device id from a Cookie header when it holds a device cookie, correctly
 * signed, for this very account; null otherwise (a forged, foreign or absent
 * cookie: the attempt then counts as a stranger's).
 */
export function readKnownDevice(cookieHeader: string | undefined, email: string, secret: string | undefined): string | null {
  if (!cookieHeader || !secret) return null;
  const name = knownDeviceCookieName();
  const value = cookieHeader
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  const [account, device, mac] = value?.split(".") ?? [];
  if (!account || !device || !mac || account !== accountDigest(email)) return null;
  const expected = signature(`${account}.${device}`, secret);
  const given = Buffer.from(mac, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? device : null;
}
