import { z } from "zod";
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/format/dates";

/** Five cron fields (pg-boss checks the expression itself when scheduling), or "off" for never. */
const CRON = /^(?:off|\S+(?:\s+\S+){4})$/;

const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: point it at PostgreSQL, or start the app with `npm run demo`." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string."),
  /**
   * A direct (session) connection, set only when DATABASE_URL goes through a pooler in transaction
   * mode (PgBouncer): LISTEN and migrations need a session of their own (lib/db.ts).
   */
  DATABASE_DIRECT_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_DIRECT_URL must be a postgresql:// connection string that bypasses the pooler.")
      .optional(),
  ),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is not set: use a long random string (e.g. `openssl rand -base64 32`)." })
    .min(16, "NEXTAUTH_SECRET is too short: use at least 16 random characters."),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be the app's public address, e.g. https://reader.school.edu").optional(),
  CONTENT_DIR: z.string().default("content"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** How long a new connection may take before the request is answered 503 "try again" (lib/db.ts). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100, "DATABASE_CONNECT_TIMEOUT_MS must be at least 100 (ms).").default(5_000),
  /** How long one statement (a lock wait included) may run before PostgreSQL cancels it (lib/db.ts). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100, "DATABASE_STATEMENT_TIMEOUT_MS must be at least 100 (ms).").default(15_000),
  /** Sign-in throttling (lib/server/auth/sign-in-throttle.ts): the fixed window and the failures allowed in it. */
  AUTH_RATE_WINDOW_MS: z.coerce.number().int().min(1_000, "AUTH_RATE_WINDOW_MS must be at least 1000 (ms).").default(300_000),
  AUTH_RATE_ACCOUNT_MAX: z.coerce.number().int().min(1, "AUTH_RATE_ACCOUNT_MAX must be at least 1.").default(5),
  AUTH_RATE_IP_MAX: z.coerce.number().int().min(1, "AUTH_RATE_IP_MAX must be at least 1.").default(20),
  /** The slow per-account ceiling on strangers' failures, which only a distributed attack reaches. */
  AUTH_RATE_CEILING_WINDOW_MS: z.coerce.number().int().min(1_000, "AUTH_RATE_CEILING_WINDOW_MS must be at least 1000 (ms).").default(3_600_000),
  AUTH_RATE_ACCOUNT_CEILING: z.coerce.number().int().min(1, "AUTH_RATE_ACCOUNT_CEILING must be at least 1.").default(50),
  /** Sign-up throttling (lib/server/users/sign-up-throttle.ts): accounts created per client address per window. */
  SIGNUP_RATE_WINDOW_MS: z.coerce.number().int().min(1_000, "SIGNUP_RATE_WINDOW_MS must be at least 1000 (ms).").default(3_600_000),
  SIGNUP_RATE_IP_MAX: z.coerce.number().int().min(1, "SIGNUP_RATE_IP_MAX must be at least 1.").default(100),
  /** Comma-separated email domains whose sign-ups become teacher accounts (lib/server/users/account-role.ts). */
  TEACHER_EMAIL_DOMAINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))
    .refine((list) => list.every((d) => /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(d)), "TEACHER_EMAIL_DOMAINS must be domains separated by commas, e.g. school.edu,staff.school.edu."),
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(100, "LIVE_HEARTBEAT_MS must be between 100 and 30000 (ms).").max(30_000, "LIVE_HEARTBEAT_MS must be between 100 and 30000 (ms).").default(15_000),
  LIVE_STREAMS_PER_USER: z.coerce.number().int().min(1, "LIVE_STREAMS_PER_USER must be at least 1.").default(5),
  /** The school's IANA time zone: every date shown is written in it (lib/format/dates.ts). */
  SCHOOL_TIME_ZONE: z
    .string()
    .trim()
    .default(DEFAULT_TIME_ZONE)
    .transform((zone) => zone || DEFAULT_TIME_ZONE)
    .refine(isTimeZone, "SCHOOL_TIME_ZONE must be an IANA time zone, e.g. Europe/London or America/New_York (default UTC)."),
  /** How often each instance looks for grades due to be sent to learning platforms (lib/server/lti/score-sync.ts). */
  LTI_GRADE_SYNC_INTERVAL_MS: z.coerce.number().int().min(200, "LTI_GRADE_SYNC_INTERVAL_MS must be at least 200 (ms).").default(30_000),
  /** After fetching a platform's keys, how long an unknown key id waits before they are fetched again (lib/server/lti/platform-keys.ts). */
  LTI_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0, "LTI_JWKS_COOLDOWN_MS must be 0 or more (ms).").default(10_000),
  /** E-mail digests (lib/server/notifications/send-digests.ts): off unless SMTP_URL is set, e.g. smtps://user:pass@smtp.school.edu:465. */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^smtps?:\/\/[^\s/]+/, "SMTP_URL must be an smtp:// or smtps:// address, e.g. smtps://user:password@smtp.school.edu:465.").optional(),
  ),
  /** The digests' sender, e.g. "Marginalia <reader@school.edu>"; required with SMTP_URL. */
  MAIL_FROM: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(3).optional()),
  /** When digests go out and when due-tomorrow notices are made (cron, in SCHOOL_TIME_ZONE, or "off"; lib/server/notifications/notification-jobs.ts). */
  DIGEST_CRON: z.string().trim().regex(CRON, "DIGEST_CRON must be a cron expression of five fields, e.g. 0 16 * * *, or off.").default("0 16 * * *"),
  DUE_SOON_CRON: z.string().trim().regex(CRON, "DUE_SOON_CRON must be a cron expression of five fields, e.g. 5 * * * *, or off.").default("5 * * * *"),
  /** "1" when a reverse proxy we run sets X-Forwarded-For; only then is the client address known. */
  TRUST_PROXY: z.enum(["0", "1"], { error: "TRUST_PROXY must be 1 (behind your own reverse proxy) or 0." }).default("0"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | null = null;

function firstProblem(error: z.ZodError): Error {
  return new Error(`Configuration error: ${error.issues[0].message}`);
}

type DatabaseEnv = Pick<
  Env,
  "DATABASE_URL" | "DATABASE_DIRECT_URL" | "DATABASE_POOL_SIZE" | "DATABASE_CONNECT_TIMEOUT_MS" | "DATABASE_STATEMENT_TIMEOUT_MS"
>;

/** Only what the data layer needs, so scripts can use it without the web app's secrets. */
export function getDatabaseEnv(): DatabaseEnv {
  const parsed = schema
    .pick({ DATABASE_URL: true, DATABASE_DIRECT_URL: true, DATABASE_POOL_SIZE: true, DATABASE_CONNECT_TIMEOUT_MS: true, DATABASE_STATEMENT_TIMEOUT_MS: true })
    .safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data;
}

/** The sign-in throttle settings; read per call so tests can shorten the window. */
export function getSignInThrottleEnv(): Pick<
  Env,
  "AUTH_RATE_WINDOW_MS" | "AUTH_RATE_ACCOUNT_MAX" | "AUTH_RATE_IP_MAX" | "AUTH_RATE_CEILING_WINDOW_MS" | "AUTH_RATE_ACCOUNT_CEILING" | "TRUST_PROXY"
> {
  const parsed = schema
    .pick({
      AUTH_RATE_WINDOW_MS: true,
      AUTH_RATE_ACCOUNT_MAX: true,
      AUTH_RATE_IP_MAX: true,
      AUTH_RATE_CEILING_WINDOW_MS: true,
      AUTH_RATE_ACCOUNT_CEILING: true,
      TRUST_PROXY: true,
    })
    .safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data;
}

/** The sign-up throttle settings; read per call, like the sign-in ones. */
export function getSignUpThrottleEnv(): Pick<Env, "SIGNUP_RATE_WINDOW_MS" | "SIGNUP_RATE_IP_MAX" | "TRUST_PROXY"> {
  const parsed = schema.pick({ SIGNUP_RATE_WINDOW_MS: true, SIGNUP_RATE_IP_MAX: true, TRUST_PROXY: true }).safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data;
}

/** The domains whose sign-ups teach; read per call so tests can set it. */
export function getTeacherEmailDomains(): string[] {
  const parsed = schema.pick({ TEACHER_EMAIL_DOMAINS: true }).safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data.TEACHER_EMAIL_DOMAINS;
}

/** Whether X-Forwarded-For comes from our own proxy; read per call, like the throttle settings. */
export function isProxyTrusted(): boolean {
  const parsed = schema.pick({ TRUST_PROXY: true }).safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data.TRUST_PROXY === "1";
}

/** The live-stream settings; read per call, like the throttle ones. */
export function getLiveEnv(): Pick<Env, "LIVE_HEARTBEAT_MS" | "LIVE_STREAMS_PER_USER"> {
  const parsed = schema.pick({ LIVE_HEARTBEAT_MS: true, LIVE_STREAMS_PER_USER: true }).safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data;
}

/** The LTI settings; read per call so tests can shorten them. */
export function getLtiEnv(): Pick<Env, "LTI_GRADE_SYNC_INTERVAL_MS" | "LTI_JWKS_COOLDOWN_MS"> {
  const parsed = schema.pick({ LTI_GRADE_SYNC_INTERVAL_MS: true, LTI_JWKS_COOLDOWN_MS: true }).safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data;
}

/** Where e-mail digests go out from, or null when the school has not configured SMTP (then nothing is attempted). */
export interface MailEnv {
  smtpUrl: string;
  from: string;
  /** The app's public origin, for the links in each mail. */
  origin: string;
}

/** The mail settings; read per call so tests can point them at their own sink. */
export function getMailEnv(): MailEnv | null {
  const parsed = schema.pick({ SMTP_URL: true, MAIL_FROM: true, NEXTAUTH_URL: true }).safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  const { SMTP_URL, MAIL_FROM, NEXTAUTH_URL } = parsed.data;
  if (!SMTP_URL) return null;
  if (!MAIL_FROM) throw new Error('Configuration error: MAIL_FROM is not set: with SMTP_URL, name the sender, e.g. "Marginalia <reader@school.edu>".');
  if (!NEXTAUTH_URL) throw new Error("Configuration error: NEXTAUTH_URL is not set: e-mail digests link to the app, so set its public address.");
  return { smtpUrl: SMTP_URL, from: MAIL_FROM, origin: new URL(NEXTAUTH_URL).origin };
}

/** The schedules of the notification jobs; read per call, like the rest. */
export function getNotificationSchedules(): Pick<Env, "DIGEST_CRON" | "DUE_SOON_CRON"> {
  const parsed = schema.pick({ DIGEST_CRON: true, DUE_SOON_CRON: true }).safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data;
}

/**
 * The school's time zone for showing dates; read per call, like the settings
 * above, and without the app's secrets, so the root layout can pass it to
 * the browser (components/ui/school-time-zone.tsx) on every page.
 */
export function getSchoolTimeZone(): string {
  const parsed = schema.pick({ SCHOOL_TIME_ZONE: true }).safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  return parsed.data.SCHOOL_TIME_ZONE;
}

/**
 * The environment, checked once. A missing or malformed variable stops the
 * server with one line naming it, instead of failing later in a query.
 */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw firstProblem(parsed.error);
  cached = parsed.data;
  return cached;
}
