import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { closeMailer } from "@/lib/server/mail/mailer";
import { findNotifications } from "@/lib/server/notifications/find-notifications";
import { DIGEST_QUEUE, DUE_SOON_QUEUE, forgetNotificationJobs, startNotificationJobs } from "@/lib/server/notifications/notification-jobs";
import { notifyDueSoon } from "@/lib/server/notifications/notify-due-soon";
import { getSourceBoss, stopSourceQueue } from "@/lib/server/sources/source-queue";
import { startSmtpSink } from "../support/smtp-sink";
import { commentInput, makeWorld } from "../support/world";

let world: Awaited<ReturnType<typeof makeWorld>>;
const HOUR = 3_600_000;

beforeAll(async () => {
  world = await makeWorld();
});

const assignmentDueIn = (ms: number, data: { minComments?: number; archivedAt?: Date } = {}) =>
  db.assignment.create({ data: { classroomId: world.assignmentA.classroomId, essayId: world.essay.id, dueAt: new Date(Date.now() + ms), ...data } });
const dueSoonOf = (userId: string, assignmentId: string) => db.notification.findMany({ where: { userId, assignmentId, kind: "due_soon" }, select: { dedupeKey: true } });

describe("due tomorrow: a notice for each student who has not finished", () => {
  it("tells the unfinished students of an assignment due within 24 hours, once; not the finished, not teachers, not other classes", async () => {
    const { ana, ben, teacher, outsider } = world.users;
    const soon = await assignmentDueIn(12 * HOUR, { minComments: 1 });
    const later = await assignmentDueIn(30 * HOUR);
    const archived = await assignmentDueIn(6 * HOUR, { archivedAt: new Date() });
    const past = await assignmentDueIn(-HOUR);
    // Ben has done what the assignment asks (completionStatus says complete); Ana has only highlighted.
    await createAnnotation({ viewerId: ben.id, assignmentId: soon.id, input: commentInput(world.revision.text, "Stalin") });
    await createAnnotation({ viewerId: ana.id, assignmentId: soon.id, input: { ...commentInput(world.revision.text, "Khrushchev"), kind: "highlight", body: undefined } });
    await notifyDueSoon();
    expect(await dueSoonOf(ana.id, soon.id)).toHaveLength(1);
    expect(await dueSoonOf(ben.id, soon.id)).toEqual([]);
    expect(await dueSoonOf(teacher.id, soon.id)).toEqual([]);
    expect(await dueSoonOf(outsider.id, soon.id)).toEqual([]);
    for (const quiet of [later, archived, past]) expect(await db.notification.count({ where: { assignmentId: quiet.id } })).toBe(0);
    // The next hourly run says nothing new.
    await notifyDueSoon();
    expect(await dueSoonOf(ana.id, soon.id)).toHaveLength(1);
    const shown = (await findNotifications(ana.id)).notifications.filter((n) => n.kind === "due_soon" && n.href.includes(soon.id));
    expect(shown.map((n) => n.text)).toEqual([expect.stringMatching(/^Due soon and not finished yet: due \w+ \d+ \w+ \d{4}, \d\d:\d\d$/)]);
  });

  it("a due date moved tells them again when the new one comes near", async () => {
    const { ana } = world.users;
    const a = await assignmentDueIn(10 * HOUR);
    await notifyDueSoon();
    await db.assignment.update({ where: { id: a.id }, data: { dueAt: new Date(Date.now() + 60 * HOUR) } });
    await notifyDueSoon();
    expect(await dueSoonOf(ana.id, a.id)).toHaveLength(1);
    const moved = new Date(Date.now() + 20 * HOUR);
    await db.assignment.update({ where: { id: a.id }, data: { dueAt: moved } });
    await notifyDueSoon();
    const keys = (await dueSoonOf(ana.id, a.id)).map((n) => n.dedupeKey);
    expect(keys).toHaveLength(2);
    expect(keys).toContain(`due:${a.id}:${ana.id}:${moved.toISOString()}`);
  });
});

describe("the scheduled jobs on the shared pg-boss queue", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    forgetNotificationJobs();
    await stopSourceQueue();
    closeMailer();
    await sink.stop();
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
  });

  it("schedules both in the school's zone when SMTP is set, and a queued job does the work", async () => {
    Object.assign(process.env, { SMTP_URL: sink.url, MAIL_FROM: "Marginalia <reader@test.school>", NEXTAUTH_URL: "https://reader.test.school" });
    await startNotificationJobs();
    const boss = await getSourceBoss();
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron, s.options?.tz]).toSorted()).toEqual([
      [DIGEST_QUEUE, "0 16 * * *", "UTC"],
      [DUE_SOON_QUEUE, "5 * * * *", "UTC"],
    ]);
    const { ana } = world.users;
    const a = await assignmentDueIn(5 * HOUR);
    await boss.send(DUE_SOON_QUEUE, {});
    await expect.poll(() => dueSoonOf(ana.id, a.id), { timeout: 20_000, interval: 250 }).toHaveLength(1);
    await boss.send(DIGEST_QUEUE, {});
    await expect.poll(() => sink.mails.filter((m) => m.to.includes(ana.email)).length, { timeout: 20_000, interval: 250 }).toBe(1);
  });

  it("a schedule set to off is removed, and without SMTP so is the digest's", async () => {
    forgetNotificationJobs();
    process.env.DUE_SOON_CRON = "off";
    delete process.env.SMTP_URL;
    try {
      await startNotificationJobs();
      expect(await (await getSourceBoss()).getSchedules()).toEqual([]);
    } finally {
      delete process.env.DUE_SOON_CRON;
    }
  });
});
