import "server-only";
import { getMailEnv, getNotificationSchedules, getSchoolTimeZone } from "@/lib/env";
import { getSourceBoss } from "@/lib/server/sources/source-queue";
import { notifyDueSoon } from "./notify-due-soon";
import { sendDigests } from "./send-digests";

/** The queues of the two scheduled notification jobs. */
export const DIGEST_QUEUE = "notification-digest";
export const DUE_SOON_QUEUE = "notification-due-soon";

/*
 * Both jobs run on the pg-boss the source jobs use (its schema, connections
 * and cron), not on a timer per instance: pg-boss makes one job per cron
 * tick however many instances are up, and "stately" queues hold at most one
 * waiting and one running, so a slow run never overlaps the next. The digest
 * is also safe if they did overlap (send-digests.ts claims each row once).
 */
const globalForJobs = globalThis as unknown as { __notificationJobs?: Promise<void> };

/**
 * Schedules and works the due-tomorrow notices (DUE_SOON_CRON, hourly by
 * default) and, when the school configured SMTP, the e-mail digest
 * (DIGEST_CRON, daily at 16:00 by default), in the school's time zone; a
 * schedule set to "off" is removed. Without SMTP the digest schedule is
 * removed and nothing works its queue, so no mail is ever attempted.
 * Called once at start-up (lib/server/startup.ts).
 */
export function startNotificationJobs(): Promise<void> {
  globalForJobs.__notificationJobs ??= (async () => {
    const boss = await getSourceBoss();
    const { DIGEST_CRON, DUE_SOON_CRON } = getNotificationSchedules();
    const tz = getSchoolTimeZone();
    const options = { policy: "stately" as const, retryLimit: 2, retryDelay: 60, expireInSeconds: 15 * 60 };
    await boss.createQueue(DUE_SOON_QUEUE, { name: DUE_SOON_QUEUE, ...options });
    await boss.createQueue(DIGEST_QUEUE, { name: DIGEST_QUEUE, ...options });
    if (DUE_SOON_CRON === "off") await boss.unschedule(DUE_SOON_QUEUE);
    else await boss.schedule(DUE_SOON_QUEUE, DUE_SOON_CRON, {}, { tz });
    await boss.work(DUE_SOON_QUEUE, async () => {
      const made = await notifyDueSoon();
      if (made > 0) console.log(`[notifications] ${made} due-tomorrow notices`);
    });
    if (!getMailEnv() || DIGEST_CRON === "off") await boss.unschedule(DIGEST_QUEUE);
    else await boss.schedule(DIGEST_QUEUE, DIGEST_CRON, {}, { tz });
    // Worked wherever SMTP is set, so a digest queued by hand (or by another instance's schedule) goes out.
    if (!getMailEnv()) return;
    await boss.work(DIGEST_QUEUE, async () => {
      const run = await sendDigests();
      console.log(`[digests] ${run.sent} sent, ${run.failed} failed`);
      // Thrown so the queue tries again later: the failed people's notifications are still unmailed.
      if (run.failed > 0) throw new Error(`${run.failed} digests could not be sent`);
    });
  })();
  globalForJobs.__notificationJobs.catch(() => (globalForJobs.__notificationJobs = undefined));
  return globalForJobs.__notificationJobs;
}

/** Forgets the started jobs (tests stop the shared queue with stopSourceQueue). */
export function forgetNotificationJobs(): void {
  globalForJobs.__notificationJobs = undefined;
}
