import "server-only";
import PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { getDatabaseEnv } from "@/lib/env";
import { processSourceJob, SourceRefused } from "./process-source-job";

/*
 * Extraction and OCR run as jobs in pg-boss, a maintained job queue kept in
 * PostgreSQL (its own schema, `pgboss`, which it creates and migrates
 * itself): any app instance takes the next job, a job of an instance that
 * stopped is taken up again when its time limit passes, and retries and time
 * limits are the queue's. The SourceJob row is only what the teacher sees.
 */
export const SOURCE_QUEUE = "source-reading";

export interface SourceQueuePolicy {
  /** Attempts after the first. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How long one attempt may run before the queue fails it (and its worker thread is stopped). */
  timeLimitSeconds: number;
}

/** The queue's policy: SOURCE_JOB_RETRIES (2), SOURCE_JOB_RETRY_DELAY_S (10), SOURCE_JOB_TIME_LIMIT_S (900). */
export function sourceQueuePolicy(): SourceQueuePolicy {
  const read = (name: string, fallback: number, min: number) => {
    const value = Number(process.env[name] ?? fallback);
    return Number.isInteger(value) && value >= min ? value : fallback;
  };
  return {
    retryLimit: read("SOURCE_JOB_RETRIES", 2, 0),
    retryDelaySeconds: read("SOURCE_JOB_RETRY_DELAY_S", 10, 1),
    timeLimitSeconds: read("SOURCE_JOB_TIME_LIMIT_S", 900, 2),
  };
}

type Boss = InstanceType<typeof PgBoss>;
const globalForBoss = globalThis as unknown as { __sourceBoss?: Promise<Boss>; __sourceWorking?: Promise<string> };

/** The instance's pg-boss, started once: its schema made or migrated, the queue made and given the current policy. */
export function getSourceBoss(): Promise<Boss> {
  globalForBoss.__sourceBoss ??= (async () => {
    const env = getDatabaseEnv();
    // A session of its own (it takes advisory locks): the direct URL behind a pooler.
    const boss = new PgBoss({ connectionString: env.DATABASE_DIRECT_URL ?? env.DATABASE_URL, schema: "pgboss", max: 3, application_name: "marginalia-sources" });
    boss.on("error", (error) => console.error(`[sources] queue: ${error.message}`));
    await boss.start();
    const policy = sourceQueuePolicy();
    const options = {
      name: SOURCE_QUEUE,
      retryLimit: policy.retryLimit,
      retryDelay: policy.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: policy.timeLimitSeconds,
    };
    await boss.createQueue(SOURCE_QUEUE, options);
    await boss.updateQueue(SOURCE_QUEUE, options);
    return boss;
  })();
  globalForBoss.__sourceBoss.catch(() => (globalForBoss.__sourceBoss = undefined));
  return globalForBoss.__sourceBoss;
}

/** Puts a SourceJob on the queue; the row says "waiting" until an instance takes it. */
export async function enqueueSourceJob(sourceJobId: string): Promise<void> {
  const boss = await getSourceBoss();
  await boss.send(SOURCE_QUEUE, { sourceJobId }, { singletonKey: sourceJobId });
}

/**
 * Queues the content folder's PDF jobs that are not done (made by this
 * instance's sync, or by `npm run db:seed` before any app ran): a job already
 * on the queue is not queued twice (singletonKey), and a finished one is skipped.
 */
export async function enqueueContentJobs(): Promise<number> {
  const jobs = await db.sourceJob.findMany({ where: { status: "queued", essay: { origin: "file" } }, select: { id: true } });
  for (const job of jobs) await enqueueSourceJob(job.id);
  return jobs.length;
}

/**
 * Makes this instance take source jobs, one at a time (the CPU work is in one
 * worker thread anyway). Called once at start-up (lib/server/startup.ts).
 */
export function startSourceWorker(): Promise<string> {
  globalForBoss.__sourceWorking ??= (async () => {
    const boss = await getSourceBoss();
    return boss.work<{ sourceJobId: string }>(
      SOURCE_QUEUE,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: Number(process.env.SOURCE_QUEUE_POLL_S ?? 2) },
      async ([job]) => runQueuedJob(job),
    );
  })();
  globalForBoss.__sourceWorking.catch(() => (globalForBoss.__sourceWorking = undefined));
  return globalForBoss.__sourceWorking;
}

/** Stops taking jobs and closes the queue's connections (tests, shutdown); running work ends with its thread. */
export async function stopSourceQueue(): Promise<void> {
  const boss = globalForBoss.__sourceBoss;
  globalForBoss.__sourceBoss = undefined;
  globalForBoss.__sourceWorking = undefined;
  if (boss) await (await boss).stop({ graceful: false, wait: true, close: true });
}

/**
 * One attempt at a job. Its worker-thread task is stopped a moment before the
 * queue's time limit, so a slow file costs no CPU after the queue gave up on
 * it. A refused file is answered at once and not retried; any other failure
 * is thrown back for the queue to retry, and the teacher reads why when the
 * last attempt fails.
 */
async function runQueuedJob(job: PgBoss.JobWithMetadata<{ sourceJobId: string }>): Promise<void> {
  const { sourceJobId } = job.data;
  const controller = new AbortController();
  const limitMs = job.expireInSeconds * 1000;
  const timer = setTimeout(() => controller.abort(new Error("time limit")), Math.max(500, limitMs - 250));
  try {
    await processSourceJob({ sourceJobId, attempt: job.retryCount + 1, signal: controller.signal });
  } catch (error) {
    if (error instanceof SourceRefused) {
      await db.sourceJob.updateMany({ where: { id: sourceJobId }, data: { status: "failed", stage: "Refused", message: error.message } });
      return;
    }
    const isLast = job.retryCount >= job.retryLimit;
    const reason = controller.signal.aborted
      ? `Reading this file took longer than ${formatSeconds(job.expireInSeconds)}, so it was stopped.`
      : `The file could not be processed (${(error as Error).message.slice(0, 200)}).`;
    await db.sourceJob
      .updateMany({
        where: { id: sourceJobId },
        data: isLast
          ? { status: "failed", stage: "Stopped", message: `${reason} Try a smaller file, or ask your administrator.` }
          : { status: "queued", stage: `Trying again (attempt ${job.retryCount + 2} of ${job.retryLimit + 1})`, message: reason },
      })
      .catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function formatSeconds(seconds: number): string {
  return seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
}
