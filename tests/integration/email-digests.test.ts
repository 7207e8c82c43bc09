import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MailEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/mail/digest-mail";
import { richTextFromPlain, type TiptapDoc } from "@/lib/rich-text";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { closeMailer } from "@/lib/server/mail/mailer";
import { DIGEST_MAX_ITEMS, sendDigests } from "@/lib/server/notifications/send-digests";
import { createReply } from "@/lib/server/replies/reply-writes";
import { findConformanceDir, suiteTitle } from "../helpers/conformance";
import { startSmtpSink } from "../support/smtp-sink";
import { commentInput, makeUser, makeWorld } from "../support/world";

let world: Awaited<ReturnType<typeof makeWorld>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let env: MailEnv;
const ORIGIN = "https://reader.test.school";

beforeAll(async () => {
  world = await makeWorld();
  sink = await startSmtpSink();
  env = { smtpUrl: sink.url, from: "Marginalia <reader@test.school>", origin: ORIGIN };
  // What earlier files left unread is mailed now, so each test below counts only its own mails.
  await sendDigests({ env });
  sink.mails.length = 0;
});

afterAll(async () => {
  closeMailer();
  await sink.stop();
});

const mentioning = (id: string): TiptapDoc => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Look, " }, { type: "mention", attrs: { id, label: "x" } }] }] });

const newAssignment = (data: { anonymousPeers?: boolean } = {}) =>
  db.assignment.create({ data: { classroomId: world.assignmentA.classroomId, essayId: world.essay.id, dueAt: new Date(Date.now() + 3 * 86_400_000), ...data } });
const comment = (viewerId: string, assignmentId: string, words: string, overrides: Parameters<typeof commentInput>[2] = {}) =>
  createAnnotation({ viewerId, assignmentId, input: commentInput(world.revision.text, words, overrides) }).then((r) => r.annotation);
const reply = (viewerId: string, annotationId: string) => createReply({ viewerId, annotationId, input: { id: randomUUID(), body: richTextFromPlain("Agreed.") } });
const mailsTo = (email: string) => sink.mails.filter((m) => m.to.includes(email));

describe("e-mail digests over SMTP to a local sink", () => {
  it("with no SMTP configured nothing is attempted and nothing is marked", async () => {
    const { ana, ben } = world.users;
    const a = await newAssignment();
    const thread = await comment(ana.id, a.id, "Stalin");
    await reply(ben.id, thread.id);
    delete process.env.SMTP_URL;
    expect(await sendDigests()).toEqual({ sent: 0, failed: 0 });
    expect(await db.notification.count({ where: { userId: ana.id, assignmentId: a.id, emailedAt: { not: null } } })).toBe(0);
    expect(sink.mails).toEqual([]);
    await sendDigests({ env });
    sink.mails.length = 0;
  });

  it("one mail per person: what happened, a link to each thread and to the setting; marked, so the next run sends nothing", async () => {
    const { ana, ben, teacher } = world.users;
    const a = await newAssignment();
    const first = await comment(ana.id, a.id, "Stalin");
    const second = await comment(ana.id, a.id, "Khrushchev");
    await reply(ben.id, first.id);
    await reply(teacher.id, second.id);
    const run = await sendDigests({ env });
    expect(run.failed).toBe(0);
    const [mail, ...more] = mailsTo(ana.email);
    expect(more).toEqual([]);
    expect(mail.parsed.subject).toBe("Marginalia: 2 new notifications");
    expect(mail.parsed.text).toContain("Ben replied in a thread of yours");
    expect(mail.parsed.text).toContain("Teacher A replied in a thread of yours");
    const links = [...(mail.parsed.html || "").matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
    expect(links).toContain(`${ORIGIN}/essays/${world.essay.slug}?assignment=${a.id}&annotation=${first.id}`);
    expect(links).toContain(`${ORIGIN}/essays/${world.essay.slug}?assignment=${a.id}&annotation=${second.id}`);
    expect(links).toContain(`${ORIGIN}/account#email-digests`);
    expect(mail.parsed.text).toContain(`${ORIGIN}/account#email-digests`);
    expect(await db.notification.count({ where: { userId: ana.id, assignmentId: a.id, emailedAt: null } })).toBe(0);
    sink.mails.length = 0;
    expect(await sendDigests({ env })).toEqual({ sent: 0, failed: 0 });
    expect(sink.mails).toEqual([]);
  });

  it("read notifications, people who turned digests off, and threads no longer visible are not mailed", async () => {
    const { ana, ben } = world.users;
    const cara = await makeUser("Cara");
    await db.membership.create({ data: { userId: cara.id, classroomId: world.assignmentA.classroomId, role: "student" } });
    const a = await newAssignment();
    const mention = await comment(ben.id, a.id, "Stalin", { body: mentioning(cara.id) });
    const read = await comment(ana.id, a.id, "Khrushchev");
    await reply(ben.id, read.id);
    await db.notification.updateMany({ where: { userId: ana.id, assignmentId: a.id }, data: { readAt: new Date() } });
    // Ben makes his note private after mentioning Cara: the page no longer shows it, nor may the mail.
    await updateAnnotation({ viewerId: ben.id, annotationId: mention.id, input: { version: mention.version, scope: "private" } });
    await db.user.update({ where: { id: ben.id }, data: { emailDigest: false } });
    await reply(ana.id, (await comment(ben.id, a.id, "1995")).id);
    await sendDigests({ env });
    expect(mailsTo(ana.email)).toEqual([]);
    expect(mailsTo(cara.email)).toEqual([]);
    expect(mailsTo(ben.email)).toEqual([]);
    expect(await db.notification.count({ where: { userId: { in: [cara.id, ben.id] }, assignmentId: a.id, emailedAt: null } })).toBe(2);
    // Turned on again, Ben gets what he had not read.
    await db.user.update({ where: { id: ben.id }, data: { emailDigest: true } });
    await sendDigests({ env });
    expect(mailsTo(ben.email).map((m) => m.parsed.text)).toEqual([expect.stringContaining("Ana replied in a thread of yours")]);
    sink.mails.length = 0;
  });

  it("an account with no real address (a learning platform's .invalid placeholder) is never mailed", async () => {
    const { ben } = world.users;
    const lti = await db.user.create({ data: { name: "Lee Platform", email: `lti-${randomUUID()}@lti.INVALID` } });
    await db.membership.create({ data: { userId: lti.id, classroomId: world.assignmentA.classroomId, role: "student" } });
    const a = await newAssignment();
    await reply(ben.id, (await comment(lti.id, a.id, "Stalin")).id);
    await sendDigests({ env });
    expect(mailsTo(lti.email)).toEqual([]);
    expect(await db.notification.count({ where: { userId: lti.id, assignmentId: a.id, emailedAt: null } })).toBe(1);
  });

  it("an anonymous assignment stays anonymous in the mail", async () => {
    const { ana, ben } = world.users;
    const a = await newAssignment({ anonymousPeers: true });
    const thread = await comment(ana.id, a.id, "Stalin");
    await reply(ben.id, thread.id);
    await sendDigests({ env });
    const [mail] = mailsTo(ana.email);
    expect(mail.parsed.text).toContain("A classmate replied in a thread of yours");
    expect(`${mail.parsed.text}\n${mail.parsed.html}\n${mail.parsed.subject}`).not.toContain("Ben");
    sink.mails.length = 0;
  });

  it("runs that overlap (a retry, a second instance) send one mail, each notification in it once", async () => {
    const { ana, ben, teacher } = world.users;
    const a = await newAssignment();
    const threads = await Promise.all(["Stalin", "Khrushchev", "1995"].map((w) => comment(ana.id, a.id, w)));
    for (const t of threads) await reply(ben.id, t.id);
    await reply(teacher.id, threads[0].id);
    const runs = await Promise.all(Array.from({ length: 4 }, () => sendDigests({ env })));
    expect(runs.reduce((n, r) => n + r.failed, 0)).toBe(0);
    const mails = mailsTo(ana.email);
    expect(mails).toHaveLength(1);
    const lines = (mails[0].parsed.text ?? "").split("\n").filter((l) => l.startsWith("- "));
    expect(lines.toSorted()).toEqual([...Array(3).fill(`- Ben replied in a thread of yours (${world.essay.title})`), `- Teacher A replied in a thread of yours (${world.essay.title})`]);
    sink.mails.length = 0;
  });

  it("a send that fails leaves the notifications for the next run", async () => {
    const { ana, ben } = world.users;
    const a = await newAssignment();
    await reply(ben.id, (await comment(ana.id, a.id, "Stalin")).id);
    const closed = await startSmtpSink();
    await closed.stop();
    closeMailer();
    const run = await sendDigests({ env: { ...env, smtpUrl: closed.url } });
    expect(run.failed).toBeGreaterThanOrEqual(1);
    expect(await db.notification.count({ where: { userId: ana.id, assignmentId: a.id, emailedAt: null } })).toBe(1);
    closeMailer();
    await sendDigests({ env });
    expect(mailsTo(ana.email)).toHaveLength(1);
    sink.mails.length = 0;
  });
});

const corpusDir = findConformanceDir();

describe.skipIf(!corpusDir)(suiteTitle("e-mail digests: the XSS payload corpus in names and reasons"), () => {
  const payloads = corpusDir
    ? (JSON.parse(readFileSync(path.join(corpusDir, "xss/payloads.json"), "utf8")) as { payloads: { id: string; payload: string }[] }).payloads
    : [];
  /** The template's own tags: anything else in a mail's HTML was injected. */
  const TEMPLATE_TAGS = new Set(["!doctype", "html", "head", "meta", "title", "body", "p", "ul", "li", "a", "span", "br"]);

  it("every payload, as a classmate's name and as a teacher's reason, arrives as text: no tag, attribute or link of its own", async () => {
    expect(payloads.length).toBe(333);
    const { ana } = world.users;
    const a = await newAssignment();
    // Postgres text holds no NUL; the other controls stay.
    const cases = payloads.map((p) => ({ ...p, payload: p.payload.replaceAll("\u0000", "") }));
    const perMail = Math.floor(DIGEST_MAX_ITEMS / 2);
    for (let start = 0; start < cases.length; start += perMail) {
      const batch = cases.slice(start, start + perMail);
      const actors = await Promise.all(batch.map((p) => db.user.create({ data: { name: p.payload, email: `xss.${randomUUID()}@test.school` } })));
      await db.notification.createMany({
        data: batch.flatMap((p, i) => [
          { userId: ana.id, kind: "mention" as const, assignmentId: a.id, actorId: actors[i].id, dedupeKey: `xss-name:${p.id}` },
          { userId: ana.id, kind: "flag_decision" as const, assignmentId: a.id, flagStatus: "rejected" as const, reason: p.payload, dedupeKey: `xss-reason:${p.id}` },
        ]),
      });
      sink.mails.length = 0;
      await sendDigests({ env });
      const [mail] = mailsTo(ana.email);
      // SMTP carries lines ending in CRLF: compare line ends as LF on both sides.
      const lf = (s: string) => s.replace(/\r\n?/g, "\n");
      const html = lf(mail.parsed.html || "");
      for (const p of batch) {
        expect(html, p.id).toContain(lf(`${escapeHtml(p.payload)} mentioned you`));
        expect(html, p.id).toContain(lf(`Reason: ${escapeHtml(p.payload)}`));
      }
      const tags = new Set([...html.matchAll(/<\/?([a-z!][^\s>/]*)/gi)].map((m) => m[1].toLowerCase()));
      expect([...tags].filter((t) => !TEMPLATE_TAGS.has(t)), `payloads ${batch[0].id}…`).toEqual([]);
      const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
      expect(hrefs).toHaveLength(batch.length * 2 + 2);
      for (const href of hrefs) expect(href.startsWith(`${ORIGIN}/`)).toBe(true);
      const insideTags = html.split("<").slice(1).map((part) => part.slice(0, part.indexOf(">")));
      expect(insideTags.filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([]);
    }
  });
});
