import "server-only";
import { createHash } from "node:crypto";
import { getSignInThrottleEnv } from "@/lib/env";
import { SIGN_IN_ERROR } from "@/lib/format/sign-in-errors";
import { clientAddress, type HeaderBag } from "@/lib/security/client-address";
import { hitRateLimit, refundRateLimit, type WindowHit } from "@/lib/server/rate-limits/fixed-window-counter";

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
// people who have no account here, and key length stays fixed.
const keyFor = (kind: "account" | "ip", value: string) =>
  `signin:${kind}:${createHash("sha256").update(value).digest("base64url")}`;

/**
 * Counts a sign-in attempt against its account and, when the client address
 * is known (TRUST_PROXY=1), its address, in fixed windows shared by every
 * instance through the rate_limits table. Throws SignInThrottledError without
 * checking the password once either budget is spent (AUTH_RATE_ACCOUNT_MAX,
 * default 5, and AUTH_RATE_IP_MAX, default 20, per AUTH_RATE_WINDOW_MS,
 * default 5 minutes).
 *
 * Attempts are counted before the password is checked, because counting
 * after would let a burst of parallel guesses all pass the check; a success,
 * or a refusal, takes its count back, so the budgets count failed passwords.
 * Unknown accounts are counted like real ones: the answer never tells which
 * emails exist.
 */
export async function beginSignInAttempt({ email, headers }: { email: string; headers: HeaderBag }): Promise<SignInAttempt> {
  const env = getSignInThrottleEnv();
  const ip = clientAddress(headers, { trustProxy: env.TRUST_PROXY === "1" });
  const budgets = [{ key: keyFor("account", email), max: env.AUTH_RATE_ACCOUNT_MAX }];
  if (ip) budgets.push({ key: keyFor("ip", ip), max: env.AUTH_RATE_IP_MAX });

  const now = new Date();
  const hits = await Promise.all(budgets.map((b) => hitRateLimit(b.key, env.AUTH_RATE_WINDOW_MS, now)));
  const refundAll = () => Promise.all(hits.map(refundRateLimit)).then(() => {});
  const spent = hits.filter((hit, i) => hit.count > budgets[i].max);
  if (spent.length > 0) {
    await refundAll();
    throw new SignInThrottledError(retryAfterMs(spent, env.AUTH_RATE_WINDOW_MS, now));
  }
  return { succeeded: refundAll };
}

/** Until the latest of the spent windows ends. */
function retryAfterMs(spent: WindowHit[], windowMs: number, now: Date): number {
  return Math.max(...spent.map((hit) => hit.windowStart.getTime() + windowMs - now.getTime()), 0);
}
