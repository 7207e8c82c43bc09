import "server-only";
import { db } from "@/lib/db";
import { getLtiEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { lineItemBody, lineItemId, scoreBody, scoresUrl } from "@/lib/lti/ags";
import { MEDIA_TYPE, SCOPE } from "@/lib/lti/vocabulary";
import { computeStudentGrades } from "@/lib/server/grades/student-grades";
import { callPlatform, platformUnavailable } from "./service-token";

/**
 * Grade passback (AGS 2.0) as a durable outbox. Anything that may change a
 * grade the platform should have (a student's new work on a linked
 * assignment, a teacher's grade, releasing grades) queues a row per student
 * and course link (LtiScoreSync, "pending", due now). A worker in every app
 * instance (startScoreSyncWorker) claims due rows with FOR UPDATE SKIP
 * LOCKED, computes the student's grade at that moment, and posts it to the
 * link's line item. When the platform is down the row stays pending with a
 * later due time (RETRY_DELAYS_MS), so retries survive restarts and any
 * instance can make them; after the last delay it is "failed", shown to the
 * teacher, and releasing again queues it anew.
 *
 * What is sent: before the teacher releases grades, only a student who met
 * the minimums (completion score 100) is posted, at the moment they meet
 * them; once released, every student's grade (the teacher's, else the
 * completion score) is. A score equal to the last one sent is not sent again.
 */

/** Waits after the 1st, 2nd, … failed attempt: about four hours in all, then "failed". */
export const RETRY_DELAYS_MS = [30_000, 60_000, 2 * 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000, 2 * 60 * 60_000];

/** How long a claimed row is left alone by other instances while one sends it. */
const CLAIM_LEASE_MS = 2 * 60_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Queues grade syncs for an assignment's linked course links: for `userIds`,
 * or every student of the class who came from that link's platform. A row
 * already queued, sent or failed is made pending and due again, with its
 * attempts reset. Returns how many rows are due.
 */
export async function queueScoreSyncs({ assignmentId, userIds, now = new Date() }: { assignmentId: string; userIds?: string[]; now?: Date }): Promise<number> {
  const links = await db.ltiResourceLink.findMany({ where: { assignmentId }, select: { id: true, context: { select: { issuer: true, classroomId: true } } } });
  let queued = 0;
  for (const link of links) {
    const students = await db.membership.findMany({
      where: {
        classroomId: link.context.classroomId,
        role: "student",
        ...(userIds ? { userId: { in: userIds } } : {}),
        user: { ltiIdentities: { some: { issuer: link.context.issuer } } },
      },
      select: { userId: true },
    });
    const ids = students.map((s) => s.userId);
    if (ids.length === 0) continue;
    await db.$transaction([
      db.ltiScoreSync.updateMany({
        where: { resourceLinkId: link.id, userId: { in: ids } },
        data: { state: "pending", attempts: 0, nextAttemptAt: now, lastError: null },
      }),
      db.ltiScoreSync.createMany({ data: ids.map((userId) => ({ resourceLinkId: link.id, userId, nextAttemptAt: now })), skipDuplicates: true }),
    ]);
    queued += ids.length;
  }
  return queued;
}

/**
 * A student made new work on an assignment whose grades go to a platform
 * (findAssignmentAccess tells): queue their sync. Off the request's path,
 * so an annotation never waits for (or fails with) the grade passback.
 */
export function noteGradedWork({ assignmentId, userId }: { assignmentId: string; userId: string }): void {
  const queued = queueScoreSyncs({ assignmentId, userIds: [userId] })
    .catch((e) => console.error("[lti] could not queue a grade:", (e as Error).message))
    .finally(() => inFlight.delete(queued));
  inFlight.add(queued);
}

const inFlight = new Set<Promise<unknown>>();

/** Resolves once every grade noted so far is queued: for tests, which must not race the create's background step. */
export async function gradeNotesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** Claims up to `limit` due rows for this instance (others skip them while the lease lasts). */
async function claimDue(now: Date, limit: number): Promise<string[]> {
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await db.$queryRaw<{ id: string }[]>`
    update lti_score_syncs set "nextAttemptAt" = ${lease}
     where id in (select id from lti_score_syncs
                   where state = 'pending' and "nextAttemptAt" <= ${now}
                   order by "nextAttemptAt" limit ${limit}
                   for update skip locked)
    returning id`;
  return rows.map((r) => r.id);
}

export interface SendReport {
  sent: number;
  unchanged: number;
  retrying: number;
  failed: number;
}

/** Sends every due grade (a batch at a time); what the worker runs, and what tests call with a clock of their own. */
export async function sendDueScores({ now = new Date(), limit = 20 }: { now?: Date; limit?: number } = {}): Promise<SendReport> {
  const report: SendReport = { sent: 0, unchanged: 0, retrying: 0, failed: 0 };
  for (const id of await claimDue(now, limit)) {
    const row = await db.ltiScoreSync.findUnique({ where: { id }, select: { id: true, attempts: true } });
    if (!row) continue;
    try {
      const outcome = await sendOne(id, now);
      report[outcome] += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const message = error instanceof AppError ? error.message : "Something went wrong while sending the grade.";
      if (!(error instanceof AppError)) console.error("[lti] grade passback failed:", error);
      const delay = RETRY_DELAYS_MS[attempts - 1];
      await db.ltiScoreSync.update({
        where: { id },
        data: delay === undefined ? { state: "failed", attempts, lastError: message } : { attempts, lastError: message, nextAttemptAt: new Date(now.getTime() + delay) },
      });
      report[delay === undefined ? "failed" : "retrying"] += 1;
    }
  }
  return report;
}

async function sendOne(id: string, now: Date): Promise<"sent" | "unchanged"> {
  const row = await db.ltiScoreSync.findUniqueOrThrow({
    where: { id },
    select: {
      userId: true,
      lastSentScore: true,
      resourceLink: {
        select: {
          id: true,
          resourceLinkId: true,
          lineItemUrl: true,
          title: true,
          assignment: { select: { id: true, gradesReleasedAt: true, essay: { select: { title: true } } } },
          context: { select: { issuer: true, lineItemsUrl: true, agsScopes: true, platform: true } },
        },
      },
    },
  });
  const { resourceLink: link } = row;
  const done = (state: "sent" | "unchanged", sentScore?: number) =>
    db.ltiScoreSync
      .update({ where: { id }, data: { state: "sent", lastError: null, ...(sentScore !== undefined ? { lastSentScore: sentScore, lastSentAt: now } : {}) } })
      .then(() => state);
  if (!link.assignment) throw new AppError("conflict", "This course link no longer opens an assignment, so it has no grade to send.");
  const grade = (await computeStudentGrades({ assignmentId: link.assignment.id, studentIds: [row.userId], now })).get(row.userId)!;
  const isReleased = link.assignment.gradesReleasedAt !== null;
  if (!isReleased && !grade.isComplete) return done("unchanged");
  const score = isReleased ? grade.grade : grade.completionScore;
  if (row.lastSentScore === score) return done("unchanged");

  const identity = await db.ltiUser.findFirst({ where: { userId: row.userId, issuer: link.context.issuer }, select: { sub: true } });
  if (!identity) throw new AppError("conflict", "This student has no account on the learning platform.");
  if (!link.context.agsScopes.includes(SCOPE.agsScore)) throw new AppError("conflict", "The learning platform does not let this tool post scores in this course.");
  const lineItemUrl = await lineItemFor(link, link.context, { label: link.assignment.essay.title, assignmentId: link.assignment.id });
  const res = await callPlatform(
    link.context.platform,
    [SCOPE.agsScore],
    scoresUrl(lineItemUrl),
    { method: "POST", contentType: MEDIA_TYPE.score, body: JSON.stringify(scoreBody({ userId: identity.sub, scoreGiven: score, timestamp: now })) },
    "gradebook",
  );
  if (!res.ok) throw platformUnavailable("gradebook", `status ${res.status}`);
  return done("sent", score);
}

/**
 * The line item (gradebook column) of a course link: the one the launch named
 * (a link made by deep linking with a lineItem has one), else the one the
 * platform holds for the link, else one we create, when the platform lets us
 * (AGS §3.2, the lineitem scope). Kept on the link once known.
 */
async function lineItemFor(
  link: { id: string; resourceLinkId: string; lineItemUrl: string | null; title: string | null },
  context: { lineItemsUrl: string | null; agsScopes: string[]; platform: { id: string; clientId: string; authTokenUrl: string; authServer: string | null } },
  { label, assignmentId }: { label: string; assignmentId: string },
): Promise<string> {
  if (link.lineItemUrl) return link.lineItemUrl;
  if (!context.lineItemsUrl) throw new AppError("conflict", "The learning platform gave this link no gradebook column.");
  const canManage = context.agsScopes.includes(SCOPE.agsLineItem);
  const readScope = canManage ? SCOPE.agsLineItem : SCOPE.agsLineItemReadOnly;
  if (!canManage && !context.agsScopes.includes(SCOPE.agsLineItemReadOnly)) {
    throw new AppError("conflict", "The learning platform gave this link no gradebook column and does not let the tool look for one.");
  }
  const search = new URL(context.lineItemsUrl);
  search.searchParams.set("resource_link_id", link.resourceLinkId);
  const listed = await callPlatform(context.platform, [readScope], search.toString(), { accept: MEDIA_TYPE.lineItemContainer }, "gradebook");
  const items = listed.ok ? await listed.json().catch(() => null) : null;
  if (!listed.ok || !Array.isArray(items)) throw platformUnavailable("gradebook", `status ${listed.status}`);
  let url = items.filter(isRecord).map(lineItemId).find((u): u is string => u !== null) ?? null;
  if (!url) {
    if (!canManage) throw new AppError("conflict", "The learning platform has no gradebook column for this link and does not let the tool make one.");
    const created = await callPlatform(
      context.platform,
      [SCOPE.agsLineItem],
      context.lineItemsUrl,
      {
        method: "POST",
        contentType: MEDIA_TYPE.lineItem,
        accept: MEDIA_TYPE.lineItem,
        body: JSON.stringify(lineItemBody({ label: link.title ?? label, resourceLinkId: link.resourceLinkId, assignmentId })),
      },
      "gradebook",
    );
    url = created.ok ? lineItemId(await created.json().catch(() => null)) : null;
    if (!url) throw platformUnavailable("gradebook", `status ${created.status}`);
  }
  await db.ltiResourceLink.update({ where: { id: link.id }, data: { lineItemUrl: url } });
  return url;
}

let timer: NodeJS.Timeout | null = null;
let isRunning = false;

/**
 * Starts this instance's grade worker (once): every LTI_GRADE_SYNC_INTERVAL_MS
 * it sends what is due. The timer only wakes it; what is due lives in the
 * database, so nothing is lost when an instance stops.
 */
export function startScoreSyncWorker(): void {
  if (timer) return;
  timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    sendDueScores()
      .catch((e) => console.error("[lti] grade worker:", (e as Error).message))
      .finally(() => {
        isRunning = false;
      });
  }, getLtiEnv().LTI_GRADE_SYNC_INTERVAL_MS);
  timer.unref();
}
