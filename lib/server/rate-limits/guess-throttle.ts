import "server-only";
import { createHash } from "node:crypto";
import { isProxyTrusted } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress, type HeaderBag } from "@/lib/security/client-address";
import { hitRateLimits, refundRateLimit, type WindowHit } from "./fixed-window-counter";

/** What is being guessed: a class's join code, or the current password on a password change. */
export type GuessKind = "join-code" | "password";

interface GuessLimits {
  windowMs: number;
  /** Wrong guesses per account (or, signing up, per email being registered) per window. */
  perSubject: number;
  /** Wrong guesses per client address, behind a trusted proxy only. */
  perAddress: number;
  /** Wrong guesses from everyone together: what a script with many accounts and addresses reaches. */
  global?: number;
  sentence: (wait: string) => string;
}

/**
 * The budgets, in one place. Join codes: a class of 30 behind one school NAT
 * can mistype a code twice each within ten minutes; a person gets ten tries.
 * The global ceiling (one wrong code a second on average) holds a
 * distributed guesser to about 86,000 guesses a day against a space of
 * 31^8 ≈ 8.5e11 codes; when a flood spends it, students get the sentence
 * for up to ten minutes, and teachers can still add them from the roster.
 * Current passwords: the sign-in budget's five per five minutes, since
 * change-password is a password oracle too.
 */
const LIMITS: Record<GuessKind, GuessLimits> = {
  "join-code": {
    windowMs: 10 * 60_000,
    perSubject: 10,
    perAddress: 60,
    global: 600,
    sentence: (wait) => `Too many wrong join codes. Try again in ${wait}, or ask your teacher to add you to the class.`,
  },
  password: {
    windowMs: 5 * 60_000,
    perSubject: 5,
    perAddress: 20,
    sentence: (wait) => `Too many wrong current passwords. Try again in ${wait}.`,
  },
};

/** A guess that has been counted; report a right one so only wrong guesses use up the budget. */
export interface Guess {
  succeeded: () => Promise<void>;
}

// Hashed, like the sign-in keys: the table never holds emails or addresses.
const keyFor = (kind: GuessKind, scope: string, value: string) =>
  `guess-${kind}:${scope}:${createHash("sha256").update(value).digest("base64url")}`;

/**
 * Counts one guess of `kind` by `subject` (a user id, or the email being
 * signed up) against its budgets in the rate_limits table, shared by every
 * instance, and refuses it with AppError "rate_limited" (429, Retry-After and
 * a sentence) once any is spent, before the guess is checked. Counting
 * first means a burst of parallel guesses cannot all slip past the limit;
 * `succeeded` takes the count back. The per-address budget applies only
 * behind our own proxy (TRUST_PROXY=1), where the address is known.
 * `now` is the clock, for tests.
 */
export async function beginGuess({
  kind,
  subject,
  headers,
  now = new Date(),
}: {
  kind: GuessKind;
  subject: string;
  headers: HeaderBag;
  now?: Date;
}): Promise<Guess> {
  const limits = LIMITS[kind];
  const address = clientAddress(headers, { trustProxy: isProxyTrusted() });
  const budgets = [{ key: keyFor(kind, "subject", subject), max: limits.perSubject }];
  if (address) budgets.push({ key: keyFor(kind, "ip", address), max: limits.perAddress });
  if (limits.global) budgets.push({ key: keyFor(kind, "all", "all"), max: limits.global });

  const hits = await hitRateLimits(budgets.map((b) => ({ key: b.key, windowMs: limits.windowMs })), now);
  const refundAll = () => Promise.all(hits.map(refundRateLimit)).then(() => {});
  const spent = hits.filter((hit, i) => hit.count > budgets[i].max);
  if (spent.length === 0) return { succeeded: refundAll };
  await refundAll();
  const retryAfterMs = Math.max(...spent.map((hit: WindowHit) => hit.windowStart.getTime() + limits.windowMs - now.getTime()), 1_000);
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const wait = minutes === 1 ? "a minute" : `${minutes} minutes`;
  throw new AppError("rate_limited", limits.sentence(wait), undefined, Math.ceil(retryAfterMs / 1_000));
}
