import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { richTextFromPlain, type TiptapDoc } from "@/lib/rich-text";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { createAssignment } from "@/lib/server/assignments/create-assignment";
import { createFlag } from "@/lib/server/flags/create-flag";
import { reviewFlag } from "@/lib/server/flags/review-flag";
import { reviewFlags } from "@/lib/server/flags/review-flags";
import { saveAssignmentGroups } from "@/lib/server/groups/save-groups";
import { countUnread, findNotifications, markRead } from "@/lib/server/notifications/find-notifications";
import { createReply } from "@/lib/server/replies/reply-writes";
import { commentInput, makeUser, makeWorld, select } from "../support/world";

let world: Awaited<ReturnType<typeof makeWorld>>;
let cara: { id: string };

beforeAll(async () => {
  world = await makeWorld();
  cara = await makeUser("Cara");
  await db.membership.create({ data: { userId: cara.id, classroomId: world.assignmentA.classroomId, role: "student" } });
});

const mentioning = (id: string, text = "Look, "): TiptapDoc => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }, { type: "mention", attrs: { id, label: "x" } }] }],
});

async function newAssignment(data: { anonymousPeers?: boolean } = {}) {
  return db.assignment.create({ data: { classroomId: world.assignmentA.classroomId, essayId: world.essay.id, dueAt: new Date(Date.now() + 86_400_000), ...data } });
}

/** What `userId` is told about one assignment: kind and text, oldest first. */
async function told(userId: string, assignmentId: string) {
  const { notifications } = await findNotifications(userId);
  const rows = await db.notification.findMany({ where: { id: { in: notifications.map((n) => n.id) }, assignmentId }, select: { id: true } });
  const ids = new Set(rows.map((r) => r.id));
  return notifications
    .filter((n) => ids.has(n.id))
    .reverse()
    .map((n) => `${n.kind}: ${n.text}`);
}

const comment = (viewerId: string, assignmentId: string, words: string, overrides: Parameters<typeof commentInput>[2] = {}) =>
  createAnnotation({ viewerId, assignmentId, input: commentInput(world.revision.text, words, overrides) }).then((r) => r.annotation);
const reply = (viewerId: string, annotationId: string, body: TiptapDoc = richTextFromPlain("Agreed.")) =>
  createReply({ viewerId, annotationId, input: { id: randomUUID(), body } }).then((r) => r.reply);

describe("notifications: who is told of what", () => {
  it("a reply tells the thread's author and the earlier repliers, never the one replying", async () => {
    const { ana, ben, teacher } = world.users;
    const a = await newAssignment();
    const thread = await comment(ana.id, a.id, "Stalin");
    await reply(ben.id, thread.id);
    await reply(teacher.id, thread.id);
    expect(await told(ana.id, a.id)).toEqual(["reply: Ben replied in a thread of yours", "reply: Teacher A replied in a thread of yours"]);
    expect(await told(ben.id, a.id)).toEqual(["reply: Teacher A replied in a thread of yours"]);
    expect(await told(teacher.id, a.id)).toEqual([]);
    expect(await told(cara.id, a.id)).toEqual([]);
  });

  it("a mention tells the person mentioned once, only if they may see the text: never from a private note or a thread for teachers", async () => {
    const { ana, ben, teacher } = world.users;
    const a = await newAssignment();
    await comment(ana.id, a.id, "Stalin", { scope: "private", body: mentioning(ben.id) });
    await comment(ana.id, a.id, "Khrushchev", { scope: "teachers", body: mentioning(ben.id) });
    expect(await told(ben.id, a.id)).toEqual([]);
    const toTeachers = await comment(ana.id, a.id, "1995", { scope: "teachers", body: mentioning(teacher.id) });
    expect(await told(teacher.id, a.id)).toEqual(["mention: Ana mentioned you"]);
    const open = await comment(ana.id, a.id, "commission", { body: mentioning(ben.id) });
    // Editing the text again tells nobody twice; adding Cara tells Cara.
    const both: TiptapDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: ben.id, label: "" } }, { type: "text", text: " and " }, { type: "mention", attrs: { id: cara.id, label: "" } }] }] };
    await updateAnnotation({ viewerId: ana.id, annotationId: open.id, input: { version: open.version, body: both } });
    expect(await told(ben.id, a.id)).toEqual(["mention: Ana mentioned you"]);
    expect(await told(cara.id, a.id)).toEqual(["mention: Ana mentioned you"]);
    // A mention in a reply is a mention, not also a reply, for the thread's author.
    await reply(ben.id, open.id, mentioning(ana.id));
    expect(await told(ana.id, a.id)).toEqual(["mention: Ben mentioned you"]);
    // In the teachers' thread, the teacher's reply mentioning Ben reaches nobody but Ana (a reply).
    await reply(teacher.id, toTeachers.id, mentioning(ben.id));
    expect(await told(ben.id, a.id)).toEqual(["mention: Ana mentioned you"]);
    expect(await told(ana.id, a.id)).toEqual(["mention: Ben mentioned you", "reply: Teacher A replied in a thread of yours"]);
  });

  it("in a group assignment, a mention of a student in another group tells them nothing", async () => {
    const { ana, ben, teacher } = world.users;
    const a = await newAssignment();
    await saveAssignmentGroups({ viewerId: teacher.id, assignmentId: a.id, input: { groups: [{ name: "Reds", memberIds: [ana.id, cara.id] }, { name: "Blues", memberIds: [ben.id] }] } });
    await comment(ana.id, a.id, "Stalin", { body: mentioning(ben.id) });
    await comment(ana.id, a.id, "Khrushchev", { body: mentioning(cara.id) });
    expect(await told(ben.id, a.id)).toEqual([]);
    expect(await told(cara.id, a.id)).toEqual(["mention: Ana mentioned you"]);
  });

  it("in an anonymous assignment a student is told 'a classmate', never the name; the teacher keeps names", async () => {
    const { ana, ben, teacher } = world.users;
    const a = await newAssignment({ anonymousPeers: true });
    const thread = await comment(ana.id, a.id, "Stalin");
    await reply(ben.id, thread.id);
    await reply(ana.id, thread.id, mentioning(teacher.id));
    expect(await told(ana.id, a.id)).toEqual(["reply: A classmate replied in a thread of yours"]);
    expect(await told(teacher.id, a.id)).toEqual(["mention: Ana mentioned you"]);
    expect(await told(ben.id, a.id)).toEqual(["reply: A classmate replied in a thread of yours"]);
  });

  it("a teacher's decision on a flag tells its author, with the reason", async () => {
    const { ana, teacher } = world.users;
    const a = await newAssignment();
    const { annotation: flag } = await createFlag({
      viewerId: ana.id,
      assignmentId: a.id,
      input: { id: randomUUID(), scope: "class", ...select(world.revision.text, "1995"), category: "date_number", correction: "1955", rationale: richTextFromPlain("Because."), evidence: [], tags: [] },
    });
    await reviewFlag({ viewerId: teacher.id, annotationId: flag.id, input: { status: "needs_evidence", reason: "Cite a source." } });
    await reviewFlag({ viewerId: teacher.id, annotationId: flag.id, input: { status: "rejected", reason: "The year is right." } });
    expect(await told(ana.id, a.id)).toEqual(["flag_decision: Your teacher asked for evidence for your flag", "flag_decision: Your flag was rejected"]);
    const { notifications } = await findNotifications(ana.id);
    expect(notifications.find((n) => n.text === "Your flag was rejected")).toMatchObject({ reason: "The year is right.", href: expect.stringContaining(`annotation=${flag.id}`) });
  });

  it("one decision for a whole finding tells each of its flags' authors", async () => {
    const { ana, ben, teacher } = world.users;
    const a = await newAssignment();
    const flagOf = (viewerId: string) =>
      createFlag({
        viewerId,
        assignmentId: a.id,
        input: { id: randomUUID(), scope: "class", ...select(world.revision.text, "1995"), category: "date_number", correction: "1955", rationale: richTextFromPlain("Because."), evidence: [], tags: [] },
      }).then((r) => r.annotation);
    const [anas, bens] = [await flagOf(ana.id), await flagOf(ben.id)];
    await reviewFlags({ viewerId: teacher.id, assignmentId: a.id, input: { status: "verified", reason: "", flags: [anas, bens].map((f) => ({ id: f.id, version: f.flag!.reviewVersion })) } });
    expect(await told(ana.id, a.id)).toEqual(["flag_decision: Your flag was verified"]);
    expect(await told(ben.id, a.id)).toEqual(["flag_decision: Your flag was verified"]);
  });

  it("a new assignment tells the class's students, not its teachers nor anyone else", async () => {
    const { ana, teacher, outsider } = world.users;
    const created = await createAssignment({
      viewerId: teacher.id,
      classroomId: world.assignmentA.classroomId,
      input: { essayId: world.essay.id, dueAt: new Date(Date.now() + 7 * 86_400_000), minHighlights: 1, minComments: 1, minFlags: 0, peerFlagVisibility: "always", hintVisibility: "never", anonymousPeers: false },
    });
    expect(await told(ana.id, created.id)).toEqual([expect.stringMatching(/^assignment_new: New reading assigned, due /)]);
    expect(await told(cara.id, created.id)).toHaveLength(1);
    expect(await told(teacher.id, created.id)).toEqual([]);
    expect(await told(outsider.id, created.id)).toEqual([]);
  });

  it("a thread its author makes private says nothing more; reading marks only one's own", async () => {
    const { ana, ben } = world.users;
    const a = await newAssignment();
    const thread = await comment(ben.id, a.id, "Stalin", { body: mentioning(ana.id) });
    expect(await told(ana.id, a.id)).toEqual(["mention: Ben mentioned you"]);
    const before = await countUnread(ana.id);
    await updateAnnotation({ viewerId: ben.id, annotationId: thread.id, input: { version: thread.version, scope: "private" } });
    expect(await told(ana.id, a.id)).toEqual([]);
    expect(await countUnread(ana.id)).toBe(before - 1);

    const other = await comment(ben.id, a.id, "Khrushchev", { body: mentioning(ana.id) });
    const [mine] = (await findNotifications(ana.id)).notifications.filter((n) => n.href.includes(other.id));
    // Ben cannot mark Ana's as read.
    await markRead(ben.id, { ids: [mine.id] });
    expect((await findNotifications(ana.id)).notifications.find((n) => n.id === mine.id)!.isRead).toBe(false);
    const left = await markRead(ana.id, { ids: [mine.id] });
    expect(left).toBe(before - 1);
    expect(await markRead(ana.id, { all: true })).toBe(0);
  });
});
