import "server-only";
import { db } from "@/lib/db";
import { getMailEnv, type MailEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UNDELIVERABLE_SUFFIX } from "@/lib/mail/addresses";
import { renderDigest } from "@/lib/mail/digest-mail";
import { getMailer } from "@/lib/server/mail/mailer";
import { describeNotifications } from "./find-notifications";

/** A digest tells of what happened in the last week at most: turning SMTP on does not mail a year of old news. */
export const DIGEST_WINDOW_MS = 7 * 86_400_000;
/** The most lines one digest lists; the rest are still marked mailed (the mail links to the page that lists them all). */
export const DIGEST_MAX_ITEMS = 30;
/** Where a digest's reader turns digests off (the account page's toggle). */
export const DIGEST_SETTINGS_PATH = "/account#email-digests";

export interface DigestRun {
  /** Digests sent (one per person). */
  sent: number;
  /** People whose digest failed; their notifications stay unmailed for the next run. */
  failed: number;
}

/**
 * Sends each person who wants digests one mail of their unread notifications
 * not mailed before, then marks them mailed. Does nothing without SMTP.
 *
 * What a mail lists is read by describeNotifications, the notifications
 * page's own function: the same visibility re-check (a thread made private
 * since says nothing) and the same anonymity mask.
 *
 * Each notification is mailed at most once, however many runs overlap (a
 * retried job, a second instance): before sending, a run claims the rows by
 * setting emailedAt where it is still null, in one UPDATE; PostgreSQL's row
 * locks let exactly one run claim each row, and a run mails only what it
 * claimed. A failed send gives its rows back (emailedAt null again) for the
 * next run. A crash between claim and send loses that digest rather than
 * risk sending it twice.
 */
export async function sendDigests({ now = new Date(), env = getMailEnv() }: { now?: Date; env?: MailEnv | null } = {}): Promise<DigestRun> {
  const run: DigestRun = { sent: 0, failed: 0 };
  if (!env) return run;
  const pending: Prisma.NotificationWhereInput = { emailedAt: null, readAt: null, createdAt: { gte: new Date(now.getTime() - DIGEST_WINDOW_MS), lte: now } };
  const people = await db.notification.findMany({
    where: { ...pending, user: { emailDigest: true, NOT: { email: { endsWith: UNDELIVERABLE_SUFFIX, mode: "insensitive" } } } },
    distinct: ["userId"],
    select: { userId: true, user: { select: { id: true, name: true, email: true } } },
  });
  for (const { user } of people) {
    const isSent = await sendOneDigest(user, pending, env, now).catch((error: Error) => {
      console.error(`[digests] could not mail ${user.id}: ${error.message}`);
      return false;
    });
    if (isSent === true) run.sent += 1;
    else if (isSent === false) run.failed += 1;
  }
  return run;
}

/** One person's digest: true when sent, null when a concurrent run had claimed everything (or nothing was left to tell). */
async function sendOneDigest(user: { id: string; name: string; email: string }, pending: Prisma.NotificationWhereInput, env: MailEnv, now: Date): Promise<boolean | null> {
  const shown = await describeNotifications(user.id, { where: pending, take: 500 });
  if (shown.length === 0) return null;
  const claimed = await db.notification.updateManyAndReturn({
    where: { id: { in: shown.map((n) => n.id) }, userId: user.id, emailedAt: null, readAt: null },
    data: { emailedAt: now },
    select: { id: true },
  });
  const mine = new Set(claimed.map((c) => c.id));
  const items = shown.filter((n) => mine.has(n.id));
  if (items.length === 0) return null;
  const link = (path: string) => new URL(path, env.origin).toString();
  const mail = renderDigest({
    recipientName: user.name,
    items: items.slice(0, DIGEST_MAX_ITEMS).map((n) => ({ text: n.text, assignmentTitle: n.assignmentTitle, reason: n.reason, href: link(n.href) })),
    notificationsUrl: link("/notifications"),
    settingsUrl: link(DIGEST_SETTINGS_PATH),
  });
  try {
    await getMailer(env).sendMail({ to: { name: user.name, address: user.email }, subject: mail.subject, text: mail.text, html: mail.html });
  } catch (error) {
    await db.notification.updateMany({ where: { id: { in: [...mine] }, emailedAt: now }, data: { emailedAt: null } });
    throw error;
  }
  return true;
}
