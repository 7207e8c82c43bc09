import "server-only";
import { createHash } from "node:crypto";
import { getSignUpThrottleEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { addressNetwork, clientAddress, type HeaderBag } from "@/lib/security/client-address";
import { hitRateLimit } from "@/lib/server/rate-limits/fixed-window-counter";

// A hash, as for sign-in: the table never holds addresses.
const keyFor = (network: string) => `signup:ip:${createHash("sha256").update(network).digest("base64url")}`;

/** The sentence a throttled person sees, on the form and in the API answer. */
export function signUpThrottledMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const wait = minutes === 1 ? "a minute" : `${minutes} minutes`;
  return `Too many accounts have been created from this network. Try again in ${wait}, or ask your teacher to add you to the class.`;
}

/**
 * Counts one account creation against the client's network (its IPv4 address,
 * or its IPv6 /64) and refuses it with AppError "rate_limited" (429, with
 * Retry-After) once SIGNUP_RATE_IP_MAX (default 100) have been counted in
 * SIGNUP_RATE_WINDOW_MS (default one hour). The default leaves room for two
 * classes of 30 signing up from one school NAT in the same hour, typos
 * included, while a script gets no more than that.
 *
 * Call it after the input is checked and before any work: a malformed request
 * costs nothing and is not counted, but every attempt that would hash a
 * password or write is, refused ones (a taken email, a wrong code) included,
 * so a script cannot probe which emails have accounts at full speed either.
 *
 * Like sign-in's per-address budget, it applies only when the address is
 * known, behind our own reverse proxy (TRUST_PROXY=1): without one the
 * address is the client's own claim, which would let a script dodge the limit
 * or lock a school out. `now` is the clock, for tests.
 */
export async function countSignUp({ headers, now = new Date() }: { headers: HeaderBag; now?: Date }): Promise<void> {
  const env = getSignUpThrottleEnv();
  const address = clientAddress(headers, { trustProxy: env.TRUST_PROXY === "1" });
  if (!address) return;
  const hit = await hitRateLimit(keyFor(addressNetwork(address)), env.SIGNUP_RATE_WINDOW_MS, now);
  if (hit.count <= env.SIGNUP_RATE_IP_MAX) return;
  const retryAfterMs = Math.max(hit.windowStart.getTime() + env.SIGNUP_RATE_WINDOW_MS - now.getTime(), 1_000);
  throw new AppError("rate_limited", signUpThrottledMessage(retryAfterMs), undefined, Math.ceil(retryAfterMs / 1_000));
}
