import "server-only";
import { createHash } from "node:crypto";
import { getSignInThrottleEnv } from "@/lib/env";
import { SIGN_IN_ERROR } from "@/lib/format/sign-in-errors";
import { clientAddress, headerValue, type HeaderBag } from "@/lib/security/client-address";
import { readKnownDevice } from "./known-device";
import { hitRateLimits, refundRateLimit, type WindowHit } from "@/lib/server/rate-limits/fixed-window-counter";

/** Thrown from `authorize`; next-auth shows its message to the browser as `?error=TooManyAttempts`. */
export class SignInThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(SIGN_IN_ERROR.throttled);
    this.name = "SignInThrottledError";
  }
}

/** A sign-in attempt that has been counted; report how it ended. */
export interface SignInAttempt {
  /** The password was right: the attempt is taken back, so only failures count. */
  succeeded: () => Promise<void>;
}

// Keys hold a hash, not the address typed in: the table never stores emails of
// people who have no account here, and key length stays fixed. The ceiling has
// a family of its own ("signin-ceiling:"), because the counter sweeps a family
// with one window's cutoff.
const keyFor = (kind: "account" | "account-ip" | "device" | "ip" | "ceiling", ...parts: string[]) =>
  `${kind === "ceiling" ? "signin-ceiling" : "signin"}:${kind}:${createHash("sha256").update(parts.join("\n")).digest("base64url")}`;

interface Budget {
  key: string;
  max: number;
  windowMs: number;
}

/**
 * The budgets one attempt counts against. A browser holding this account's
 * signed known-device cookie (set when its owner last signed in there) has a
 * budget of its own, so a stranger's guesses never lock the owner out of it.
 * Any other attempt is a stranger's: AUTH_RATE_ACCOUNT_MAX per account and
 * address behind a trusted proxy (per account without one, where the
 * address is only the client's claim), AUTH_RATE_IP_MAX per address, and a
 * slow ceiling of AUTH_RATE_ACCOUNT_CEILING per account per
 * AUTH_RATE_CEILING_WINDOW_MS that only a guess from many addresses reaches.
 */
function budgetsFor(email: string, headers: HeaderBag): Budget[] {
  const env = getSignInThrottleEnv();
  const tight = (key: string, max = env.AUTH_RATE_ACCOUNT_MAX) => ({ key, max, windowMs: env.AUTH_RATE_WINDOW_MS });
  const device = readKnownDevice(headerValue(headers, "cookie"), email, process.env.NEXTAUTH_SECRET);
  if (device) return [tight(keyFor("device", email, device))];
  const ip = clientAddress(headers, { trustProxy: env.TRUST_PROXY === "1" });
  const ceiling = { key: keyFor("ceiling", email), max: env.AUTH_RATE_ACCOUNT_CEILING, windowMs: env.AUTH_RATE_CEILING_WINDOW_MS };
  if (!ip) return [tight(keyFor("account", email)), ceiling];
  return [tight(keyFor("account-ip", email, ip)), tight(keyFor("ip", ip), env.AUTH_RATE_IP_MAX), ceiling];
}

/**
 * Counts a sign-in attempt against its budgets (see budgetsFor), in fixed
 * windows shared by every instance through the rate_limits table. Throws
 * SignInThrottledError without checking the password once any of them is
 * spent.
 *
 * Attempts are counted before the password is checked, because counting
 * after would let a burst of parallel guesses all pass the check; a success,
 * or a refusal, takes its count back, so the budgets count failed passwords.
 * Unknown accounts are counted like real ones: the answer never tells which
 * emails exist.
 */
export async function beginSignInAttempt({ email, headers }: { email: string; headers: HeaderBag }): Promise<SignInAttempt> {
  const budgets = budgetsFor(email, headers);
  const now = new Date();
  const hits = await hitRateLimits(budgets, now);
  const refundAll = () => Promise.all(hits.map(refundRateLimit)).then(() => {});
  const spent = budgets.filter((budget, i) => hits[i].count > budget.max);
  if (spent.length > 0) {
    await refundAll();
    throw new SignInThrottledError(retryAfterMs(spent, hits, budgets, now));
  }
  return { succeeded: refundAll };
}

/** Until the latest of the spent windows ends. */
function retryAfterMs(spent: Budget[], hits: WindowHit[], budgets: Budget[], now: Date): number {
  const ends = spent.map((b) => hits[budgets.indexOf(b)].windowStart.getTime() + b.windowMs - now.getTime());
  return Math.max(...ends, 0);
}
