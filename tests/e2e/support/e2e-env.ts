/**
 * Settings the e2e server is started with (tests/e2e/support/serve.ts) that
 * specs must know too. Kept apart from serve.ts, which runs on import.
 */

/** Sign-in throttle window on the e2e server: short, so a spec can wait it out. */
export const E2E_AUTH_RATE_WINDOW_MS = 10_000;

/** The environment serve.ts adds to the app it starts. */
export const E2E_APP_ENV: Record<string, string> = {
  NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef",
  AUTH_RATE_WINDOW_MS: String(E2E_AUTH_RATE_WINDOW_MS),
  // Live streams re-check their reader this often: short, so a spec sees a lost session close its stream.
  LIVE_HEARTBEAT_MS: "3000",
  // Grades due for a learning platform are looked for every second, so a spec sees one arrive.
  LTI_GRADE_SYNC_INTERVAL_MS: "1000",
  // No scheduled notices or digests in the middle of a story (an hourly due-tomorrow notice would change a count
  // a spec is reading); email-digests.spec.ts queues its digest by hand.
  DUE_SOON_CRON: "off",
  DIGEST_CRON: "off",
};
