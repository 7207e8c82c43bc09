import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { richTextFromPlain } from "@/lib/rich-text";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { deleteAnnotation, updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { saveAssignmentGroups } from "@/lib/server/groups/save-groups";
import { liveHub } from "@/lib/server/live/live-hub";
import { readListenerStanding } from "@/lib/server/live/listener-access";
import type { ChangeEventDTO } from "@/lib/annotations/types";
import { findMentionable } from "@/lib/server/mentions/find-mentionable";
import { createReply, deleteReply, updateReply } from "@/lib/server/replies/reply-writes";
import { codeOf } from "../support/error-code";
import { commentInput, makeUser, makeWorld } from "../support/world";

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
/** Ana and Cara share a group; Ben is in the other. */
let cara: { id: string };
let groupAssignmentId: string;
let anonymousAssignmentId: string;

const answer = (words: string) => ({ id: randomUUID(), body: richTextFromPlain(words) });

/** A teacher's guide on `assignmentId`, through the app's own create. */
async function pin(assignmentId: string, guide: "question" | "instruction", scope: "class" | "teachers", words = "secret speech") {
  const input = { ...commentInput(world.revision.text, words, { comment: `Why does this matter? (${scope})` }), scope, guide };
  return (await createAnnotation({ viewerId: world.users.teacher.id, assignmentId, input })).annotation;
}

/** What `viewerId` sees of one thread: whether it is listed, and the answerers' ids (as they see them). */
async function seen(viewerId: string, assignmentId: string, threadId: string) {
  const list = await findAnnotations({ viewerId, assignmentId });
  const thread = list.annotations.find((a) => a.id === threadId);
  return thread ? { listed: true, guide: thread.guide, answers: thread.replies.map((r) => r.body && r.author.name).sort() } : { listed: false };
}

beforeAll(async () => {
  world = await makeWorld();
  const { teacher, ana, ben } = world.users;
  cara = await makeUser("Cara");
  const classroomId = world.assignmentA.classroomId;
  await db.membership.create({ data: { userId: cara.id, classroomId, role: "student" } });
  const dueAt = new Date(Date.now() + 86_400_000);
  groupAssignmentId = (await db.assignment.create({ data: { classroomId, essayId: world.essay.id, dueAt } })).id;
  anonymousAssignmentId = (await db.assignment.create({ data: { classroomId, essayId: world.essay.id, dueAt, anonymousPeers: true } })).id;
  await saveAssignmentGroups({
    viewerId: teacher.id,
    assignmentId: groupAssignmentId,
    input: { groups: [{ name: "Reds", memberIds: [ana.id, cara.id] }, { name: "Blues", memberIds: [ben.id] }] },
  });
});

describe("a guide is seen by everyone in the assignment from the start", () => {
  it("every student of every group sees a question pinned before anyone read, marked as the teacher's", async () => {
    const guide = await pin(groupAssignmentId, "question", "class");
    expect(guide.guide).toBe("question");
    for (const viewer of [world.users.ana, world.users.ben, cara, world.users.teacher]) {
      const list = await findAnnotations({ viewerId: viewer.id, assignmentId: groupAssignmentId });
      const item = list.annotations.find((a) => a.id === guide.id);
      expect({ viewer: viewer.id, guide: item?.guide, byTeacher: item?.author.isTeacher }).toEqual({ viewer: viewer.id, guide: "question", byTeacher: true });
    }
    // Not outside the class.
    expect(await codeOf(findAnnotations({ viewerId: world.users.outsider.id, assignmentId: groupAssignmentId }))).toBe("not_found");
  });

  it("in a group assignment, answers to a class question reach the answerer's group and the teachers, not another group", async () => {
    const guide = await pin(groupAssignmentId, "question", "class", "Khrushchev");
    const { ana, ben, teacher } = world.users;
    await createReply({ viewerId: ana.id, annotationId: guide.id, input: answer("Ana's answer") });
    await createReply({ viewerId: ben.id, annotationId: guide.id, input: answer("Ben's answer") });
    await createReply({ viewerId: cara.id, annotationId: guide.id, input: answer("Cara's answer") });
    expect(await seen(ana.id, groupAssignmentId, guide.id)).toEqual({ listed: true, guide: "question", answers: ["Ana", "Cara"] });
    expect(await seen(cara.id, groupAssignmentId, guide.id)).toEqual({ listed: true, guide: "question", answers: ["Ana", "Cara"] });
    expect(await seen(ben.id, groupAssignmentId, guide.id)).toEqual({ listed: true, guide: "question", answers: ["Ben"] });
    expect(await seen(teacher.id, groupAssignmentId, guide.id)).toEqual({ listed: true, guide: "question", answers: ["Ana", "Ben", "Cara"] });
    // Another group's answer cannot be reached by id either (the same 404 as a missing one).
    const bens = await db.reply.findFirstOrThrow({ where: { annotationId: guide.id, authorId: ben.id } });
    expect(await codeOf(updateReply({ viewerId: ana.id, replyId: bens.id, input: { version: 1, body: richTextFromPlain("x") } }))).toBe("not_found");
    // Ben is not offered to Ana's group as someone to mention in an answer; the teacher is.
    const offered = await findMentionable({ viewerId: ana.id, assignmentId: groupAssignmentId, scope: "class", annotationId: guide.id });
    expect(offered.map((m) => m.id).sort()).toEqual([cara.id, teacher.id].sort());
  });

  it("moving a student to another group moves their answers with them", async () => {
    const guide = await pin(groupAssignmentId, "question", "class", "Stalin");
    const { ana, ben, teacher } = world.users;
    await createReply({ viewerId: cara.id, annotationId: guide.id, input: answer("Cara before the move") });
    expect((await seen(ben.id, groupAssignmentId, guide.id)).answers).toEqual([]);
    await saveAssignmentGroups({
      viewerId: teacher.id,
      assignmentId: groupAssignmentId,
      input: { groups: [{ name: "Reds", memberIds: [ana.id] }, { name: "Blues", memberIds: [ben.id, cara.id] }] },
    });
    expect((await seen(ben.id, groupAssignmentId, guide.id)).answers).toEqual(["Cara"]);
    expect((await seen(ana.id, groupAssignmentId, guide.id)).answers).toEqual([]);
  });

  it("answers to a guide whose scope is the teachers are seen by their author and the teachers only", async () => {
    const guide = await pin(world.assignmentA.id, "question", "teachers");
    const { ana, ben, teacher } = world.users;
    expect((await seen(ben.id, world.assignmentA.id, guide.id)).listed).toBe(true);
    await createReply({ viewerId: ana.id, annotationId: guide.id, input: answer("Ana, to the teacher") });
    const bens = await createReply({ viewerId: ben.id, annotationId: guide.id, input: answer("Ben, to the teacher") });
    expect(await seen(ana.id, world.assignmentA.id, guide.id)).toMatchObject({ answers: ["Ana"] });
    expect(await seen(ben.id, world.assignmentA.id, guide.id)).toMatchObject({ answers: ["Ben"] });
    expect(await seen(teacher.id, world.assignmentA.id, guide.id)).toMatchObject({ answers: ["Ana", "Ben"] });
    // A deleted answer is gone for everyone, its author included.
    await deleteReply({ viewerId: ben.id, replyId: bens.reply.id, version: 1 });
    expect(await seen(teacher.id, world.assignmentA.id, guide.id)).toMatchObject({ answers: ["Ana"] });
  });

  it("in an anonymous assignment students see the teacher's name on the guide and classmates' answers as 'Classmate N'", async () => {
    const guide = await pin(anonymousAssignmentId, "instruction", "class");
    await createReply({ viewerId: world.users.ben.id, annotationId: guide.id, input: answer("Ben's answer") });
    const list = await findAnnotations({ viewerId: world.users.ana.id, assignmentId: anonymousAssignmentId });
    const item = list.annotations.find((a) => a.id === guide.id)!;
    expect(item.author).toMatchObject({ id: world.users.teacher.id, name: "Teacher A", isTeacher: true });
    expect(item.replies.map((r) => r.author.name)).toEqual([expect.stringMatching(/^Classmate \d+$/)]);
    expect(item.replies[0].author.id).not.toBe(world.users.ben.id);
  });

  it("a hidden guide is taken away from the students, answers and all", async () => {
    const guide = await pin(world.assignmentA.id, "question", "class", "1956");
    await createReply({ viewerId: world.users.ana.id, annotationId: guide.id, input: answer("Ana") });
    await db.annotation.update({ where: { id: guide.id }, data: { hiddenAt: new Date() } });
    expect((await seen(world.users.ben.id, world.assignmentA.id, guide.id)).listed).toBe(false);
    // Ana keeps her own answer's thread out of sight too: the guide is not hers.
    expect((await seen(world.users.ana.id, world.assignmentA.id, guide.id)).listed).toBe(false);
    expect((await seen(world.users.teacher.id, world.assignmentA.id, guide.id)).listed).toBe(true);
  });
});

/** Every event a reader's stream replays of the assignment's log, from the start. */
async function replay(viewerId: string, assignmentId: string): Promise<ChangeEventDTO[]> {
  const sessionToken = randomUUID();
  await db.session.create({ data: { sessionToken, userId: viewerId, expires: new Date(Date.now() + 3_600_000) } });
  const events: ChangeEventDTO[] = [];
  const unsubscribe = await liveHub.subscribe(assignmentId, {
    viewerId,
    lastId: BigInt(0),
    standing: () => readListenerStanding({ sessionToken, viewerId, assignmentId }),
    send: (e) => events.push(e),
    reset: () => {
      throw new Error("unexpected reset");
    },
    close: () => {},
  });
  unsubscribe();
  return events;
}

describe("the live stream of a guide's answers", () => {
  it("tells another group nothing of an answer (no event, no id, no author), and an anonymous classmate no author", async () => {
    const { ana, ben } = world.users;
    const guide = await pin(groupAssignmentId, "question", "class", "central committee");
    const { reply } = await createReply({ viewerId: ana.id, annotationId: guide.id, input: answer("Ana, live") });
    const toBen = JSON.stringify(await replay(ben.id, groupAssignmentId));
    expect(toBen).toContain(guide.id);
    expect(toBen).not.toContain(reply.id);
    expect(toBen).not.toContain(ana.id);
    // (Cara moved to Ben's group above: she hears nothing of it either; the teachers hear who answered.)
    expect(JSON.stringify(await replay(cara.id, groupAssignmentId))).not.toContain(reply.id);
    const toTeacher = await replay(world.users.teacher.id, groupAssignmentId);
    expect(toTeacher.find((e) => e.entityId === reply.id)).toMatchObject({ type: "reply.created", actorId: ana.id });

    const anonymous = await pin(anonymousAssignmentId, "question", "class", "central committee");
    const answered = await createReply({ viewerId: ana.id, annotationId: anonymous.id, input: answer("Ana, anonymously") });
    const toClassmate = await replay(ben.id, anonymousAssignmentId);
    const event = toClassmate.find((e) => e.entityId === answered.reply.id);
    expect(event).toMatchObject({ type: "reply.created", actorId: null });
    expect(JSON.stringify(toClassmate)).not.toContain(ana.id);
  });
});

describe("only the class's teachers make guides", () => {
  const input = (guide: "question" | "instruction", extra: object = {}) => ({
    ...commentInput(world.revision.text, "secret speech"),
    guide,
    ...extra,
  });

  it("a student asking for a guide is refused (403), on create and on edit", async () => {
    const { ana } = world.users;
    expect(await codeOf(createAnnotation({ viewerId: ana.id, assignmentId: world.assignmentA.id, input: input("question") }))).toBe("forbidden");
    const own = await createAnnotation({ viewerId: ana.id, assignmentId: world.assignmentA.id, input: commentInput(world.revision.text, "secret speech") });
    expect(await codeOf(updateAnnotation({ viewerId: ana.id, annotationId: own.annotation.id, input: { version: 1, guide: "instruction" } }))).toBe("forbidden");
    const row = await db.annotation.findUniqueOrThrow({ where: { id: own.annotation.id } });
    expect(row.guide).toBeNull();
    expect(await db.annotation.count({ where: { authorId: ana.id, guide: { not: null } } })).toBe(0);
  });

  it("another class's teacher gets the same 404 as a missing assignment", async () => {
    expect(await codeOf(createAnnotation({ viewerId: world.users.otherTeacher.id, assignmentId: world.assignmentA.id, input: input("question") }))).toBe("not_found");
  });

  it("a guide has words and is never a private note (422)", async () => {
    const { teacher } = world.users;
    const highlight = { ...input("question"), kind: "highlight" as const, body: undefined };
    expect(await codeOf(createAnnotation({ viewerId: teacher.id, assignmentId: world.assignmentA.id, input: highlight }))).toBe("invalid");
    expect(await codeOf(createAnnotation({ viewerId: teacher.id, assignmentId: world.assignmentA.id, input: input("question", { scope: "private" }) }))).toBe("invalid");
    const guide = await pin(world.assignmentA.id, "question", "class");
    expect(await codeOf(updateAnnotation({ viewerId: teacher.id, annotationId: guide.id, input: { version: 1, scope: "private" } }))).toBe("invalid");
  });

  it("the teacher turns a question into an instruction and removes it; a student cannot remove it", async () => {
    const { teacher, ana } = world.users;
    const guide = await pin(world.assignmentA.id, "question", "class");
    const edited = await updateAnnotation({ viewerId: teacher.id, annotationId: guide.id, input: { version: 1, guide: "instruction" } });
    expect(edited.guide).toBe("instruction");
    expect(await codeOf(deleteAnnotation({ viewerId: ana.id, annotationId: guide.id, version: 2 }))).toBe("forbidden");
    await deleteAnnotation({ viewerId: teacher.id, annotationId: guide.id, version: 2 });
    expect((await seen(ana.id, world.assignmentA.id, guide.id)).listed).toBe(false);
  });
});
