import "server-only";
import path from "node:path";
import { db } from "@/lib/db";
import { getEnv, getMailEnv } from "@/lib/env";
import { syncContent } from "./essays/sync-content";
import { startScoreSyncWorker } from "./lti/score-sync";
import { startNotificationJobs } from "./notifications/notification-jobs";
import { s3Settings, sweepStoredObjects } from "./sources/file-store";
import { enqueueContentJobs, startSourceWorker } from "./sources/source-queue";

/**
 * Start-up for one app instance: stop with one clear line if the environment
 * is wrong, then sync the content folder and log what changed or failed,
 * start the worker that sends grades to learning platforms (lti/score-sync.ts)
 * the one that takes PDF and OCR jobs (sources/source-queue.ts), and the
 * scheduled due-tomorrow notices and e-mail digests on the same queue
 * (notifications/notification-jobs.ts).
 */
export async function startServer(): Promise<void> {
  let env;
  try {
    env = getEnv();
    // SMTP_URL without its sender or the app's address stops here, not at the first digest.
    getMailEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  try {
    s3Settings();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), env.CONTENT_DIR);
  try {
    const report = await syncContent({ db, dir });
    for (const r of report.newRevisions) {
      const moved = r.reanchored ? ` (annotations: ${JSON.stringify(r.reanchored)})` : "";
      console.log(`[content] ${r.slug}: revision ${r.number}${moved}`);
    }
    for (const p of report.problems) console.error(`[content] ${p.file}: ${p.reason}`);
    console.log(`[content] ${report.essays} essays in sync, ${report.problems.length} problems`);
  } catch (error) {
    // The app still serves what the database already holds.
    console.error(`[content] sync failed: ${(error as Error).message}`);
  }
  startScoreSyncWorker();
  // Objects in the S3 bucket (when files are kept there) that no file row names any more: now, then hourly.
  const sweep = () => sweepStoredObjects().catch((error) => console.error(`[sources] sweeping the file store failed: ${(error as Error).message}`));
  void sweep();
  setInterval(sweep, 60 * 60 * 1000).unref();
  // Take PDF and OCR jobs from the shared queue; a queue that cannot start leaves the rest of the app serving.
  startSourceWorker()
    // The content folder's PDFs are read by the same jobs as uploads.
    .then(() => enqueueContentJobs())
    .catch((error) => console.error(`[sources] the job queue did not start: ${(error as Error).message}`));
  startNotificationJobs().catch((error) => console.error(`[notifications] the scheduled jobs did not start: ${(error as Error).message}`));
}
