import "server-only";
import { randomInt } from "node:crypto";

/** How long a one-time password from a pasted roster lets its student sign in. */
export const ONE_TIME_PASSWORD_DAYS = 7;

const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Twelve characters without look-alikes (no 0/o, 1/l/i), easy to copy from paper. */
export function newOneTimePassword(): string {
  let p = "";
  for (let i = 0; i < 12; i++) p += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return p;
}

/** When a one-time password handed out `now` stops working. */
export function oneTimePasswordExpiry(now = new Date()): Date {
  return new Date(now.getTime() + ONE_TIME_PASSWORD_DAYS * 24 * 60 * 60 * 1000);
}

/** True when the account still signs in with a handed-out password that is past its days. */
export function isOneTimePasswordExpired(user: { mustChangePassword: boolean; oneTimePasswordExpiresAt: Date | null }, now = Date.now()): boolean {
  return user.mustChangePassword && user.oneTimePasswordExpiresAt !== null && user.oneTimePasswordExpiresAt.getTime() <= now;
}
