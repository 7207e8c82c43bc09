import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import type { ChangeEventDTO } from "@/lib/annotations/types";
import { findAnnotations, reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { removeStudent } from "@/lib/server/classes/class-writes";
import { findErrata } from "@/lib/server/errata/find-errata";
import { exportAssignment } from "@/lib/server/export/export-assignment";
import { createFlag } from "@/lib/server/flags/create-flag";
import { mergeFlags, reviewFlag } from "@/lib/server/flags/review-flag";
import { voteOnFlag } from "@/lib/server/flags/vote-on-flag";
import { createReply, deleteReply } from "@/lib/server/replies/reply-writes";
import { richTextFromPlain } from "@/lib/rich-text";
import type { CreateFlagInput } from "@/lib/validation/flag";
import { codeOf } from "../support/error-code";
import { openTestStream, sessionFor } from "../support/live-stream";
import { commentInput, makeWorld, select } from "../support/world";

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let anonymousId: string;
let namedId: string;
let bensComment: string;
let bensNamedComment: string;
let bensOpenFlag: string;
let anasVerifiedFlag: string;
let anaToken: string;

function flagInput(words: string): CreateFlagInput {
  return {
    id: randomUUID(),
    scope: "class",
    ...select(world.revision.text, words),
    category: "date_number",
    correction: "1955",
    rationale: richTextFromPlain("The date is off."),
    evidence: [],
    tags: [],
  };
}

/** Everything Ben is known by: an answer carrying any of these links the words to him. */
function bensMarks() {
  const { ben } = world.users;
  return [ben.id, ben.name, ben.email];
}

function expectNoneOf(answer: unknown, marks: string[], where: string) {
  const text = typeof answer === "string" ? answer : JSON.stringify(answer);
  for (const mark of marks) expect({ where, mark, leaks: text.includes(mark) }).toEqual({ where, mark, leaks: false });
}

/** Ana's replay of the whole live stream of an assignment, until it has sent the given ids. */
async function streamAsAna(assignmentId: string, until: string[]): Promise<string> {
  const stream = await openTestStream({ viewerId: world.users.ana.id, sessionToken: anaToken, assignmentId });
  const deadline = Date.now() + 5_000;
  while (!until.every((id) => stream.text.includes(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  stream.hangUp();
  expect(until.filter((id) => !stream.text.includes(id))).toEqual([]);
  return stream.text;
}

beforeAll(async () => {
  world = await makeWorld();
  const { ana, ben, teacher } = world.users;
  const classroomId = world.assignmentA.classroomId;
  anaToken = await sessionFor(ana.id);
  const make = (anonymousPeers: boolean) =>
    db.assignment.create({ data: { classroomId, essayId: world.essay.id, dueAt: new Date(Date.now() + 86_400_000), anonymousPeers, peerFlagVisibility: "always" } });
  [anonymousId, namedId] = (await Promise.all([make(true), make(false)])).map((a) => a.id);

  for (const assignmentId of [anonymousId, namedId]) {
    const text = world.revision.text;
    const anas = await createAnnotation({ viewerId: ana.id, assignmentId, input: commentInput(text, "secret speech", { comment: "A first comment" }) });
    const bens = await createAnnotation({ viewerId: ben.id, assignmentId, input: commentInput(text, "Molotov and Malenkov", { comment: "A classmate's comment" }) });
    if (assignmentId === anonymousId) bensComment = bens.annotation.id;
    else bensNamedComment = bens.annotation.id;
    await createReply({ viewerId: ben.id, annotationId: anas.annotation.id, input: { id: randomUUID(), body: richTextFromPlain("A reply") } });
    const bensFlag = await createFlag({ viewerId: ben.id, assignmentId, input: flagInput("February of 1956") });
    const openFlag = await createFlag({ viewerId: ben.id, assignmentId, input: flagInput("Twentieth Part Congress") });
    if (assignmentId === anonymousId) bensOpenFlag = openFlag.annotation.id;
    const anasFlag = await createFlag({ viewerId: ana.id, assignmentId, input: flagInput("February of 1956") });
    if (assignmentId === anonymousId) anasVerifiedFlag = anasFlag.annotation.id;
    await voteOnFlag({ viewerId: ben.id, annotationId: anasFlag.annotation.id, value: "agree", reason: "Agreed" });
    await mergeFlags({ viewerId: teacher.id, annotationId: bensFlag.annotation.id, intoId: anasFlag.annotation.id });
    await reviewFlag({ viewerId: teacher.id, annotationId: anasFlag.annotation.id, input: { status: "verified", reason: "" } });
  }
});

describe("an anonymous assignment tells students nothing that links to a classmate", () => {
  it("would show Ben to Ana in the same class's named assignment (the scans below can see a leak)", async () => {
    const list = JSON.stringify(await findAnnotations({ viewerId: world.users.ana.id, assignmentId: namedId }));
    expect(list).toContain(world.users.ben.id);
    expect(list).toContain(world.users.ben.name);
    expect(await streamAsAna(namedId, [bensNamedComment])).toContain(`"actorId":"${world.users.ben.id}"`);
  });

  it("keeps Ben out of the list, replies, votes, merges, errata and the live stream", async () => {
    const { ana } = world.users;
    const list = await findAnnotations({ viewerId: ana.id, assignmentId: anonymousId });
    expectNoneOf(list, bensMarks(), "list");
    expect(list.annotations.find((a) => a.id === bensComment)?.author.name).toMatch(/^Classmate \d+$/);
    const flag = list.annotations.find((a) => a.kind === "flag" && a.isMine)!;
    expect(flag.flag!.finders.length).toBe(2);
    const vote = await voteOnFlag({ viewerId: ana.id, annotationId: bensOpenFlag, value: "agree", reason: "Agreed too" });
    expect(vote.flag!.votes.agree).toBe(1);
    expectNoneOf(vote, bensMarks(), "vote");
    expectNoneOf(await findErrata({ viewerId: ana.id, assignmentId: anonymousId }), bensMarks(), "errata");
    expectNoneOf(await streamAsAna(anonymousId, [bensComment]), bensMarks(), "live stream");
  });

  it("keeps Ben out of live deltas: his comment's edit, his reply, its deletion, his vote and the teacher's decision reach Ana as labelled threads", async () => {
    const { ana, ben, teacher } = world.users;
    const since = (await findAnnotations({ viewerId: ana.id, assignmentId: anonymousId })).lastEventId;
    const stream = await openTestStream({ viewerId: ana.id, sessionToken: anaToken, assignmentId: anonymousId, since });
    try {
      const edited = await updateAnnotation({ viewerId: ben.id, annotationId: bensComment, input: { version: 1, body: richTextFromPlain("Edited by a classmate") } });
      const { reply } = await createReply({ viewerId: ben.id, annotationId: bensComment, input: { id: randomUUID(), body: richTextFromPlain("A classmate's reply") } });
      await deleteReply({ viewerId: ben.id, replyId: reply.id, version: reply.version });
      await voteOnFlag({ viewerId: ben.id, annotationId: anasVerifiedFlag, value: "disagree", reason: "Changed my mind" });
      await reviewFlag({ viewerId: teacher.id, annotationId: bensOpenFlag, input: { status: "needs_evidence", reason: "Cite a source" } });
      await expect.poll(() => stream.text.includes("Edited by a classmate") && stream.text.includes("needs_evidence"), { timeout: 5_000 }).toBe(true);
      const events = [...stream.text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]) as ChangeEventDTO);
      const threads = events.flatMap((e) => (e.thread?.annotation ? [e.thread.annotation] : []));
      expect(threads.map((t) => t.id)).toEqual(expect.arrayContaining([bensComment, bensOpenFlag, anasVerifiedFlag]));
      expect(threads.find((t) => t.id === anasVerifiedFlag)!.flag!.votes).toEqual({ agree: 0, disagree: 1 });
      for (const thread of threads.filter((t) => !t.isMine)) expect(thread.author.name).toMatch(/^Classmate \d+$/);
      expect(events.every((e) => e.actorId === null || e.actorId === ana.id)).toBe(true);
      expect(edited.version).toBe(2);
      expectNoneOf(stream.text, bensMarks(), "live deltas");
      // The single read a reader makes after its own delete or a refused edit: labelled too.
      expectNoneOf(await reloadAnnotation(ana.id, bensComment), bensMarks(), "single read");
    } finally {
      stream.hangUp();
    }
  });

  it("gives each assignment its own labels, so a label does not follow a student from one to another", async () => {
    const { ana, ben } = world.users;
    const other = await db.assignment.create({
      data: { classroomId: world.assignmentA.classroomId, essayId: world.essay.id, dueAt: new Date(Date.now() + 86_400_000), anonymousPeers: true },
    });
    await createAnnotation({ viewerId: world.users.teacher.id, assignmentId: other.id, input: commentInput(world.revision.text, "secret speech") });
    const first = await createAnnotation({ viewerId: ben.id, assignmentId: other.id, input: commentInput(world.revision.text, "secret speech") });
    await createAnnotation({ viewerId: ana.id, assignmentId: other.id, input: commentInput(world.revision.text, "secret speech") });
    const there = await findAnnotations({ viewerId: ana.id, assignmentId: other.id });
    const here = await findAnnotations({ viewerId: ana.id, assignmentId: anonymousId });
    // Ana annotated first in the anonymous assignment above, Ben first here: the labels differ.
    expect(there.annotations.find((a) => a.id === first.annotation.id)?.author.name).toBe("Classmate 1");
    expect(here.annotations.find((a) => a.id === bensComment)?.author.name).toBe("Classmate 2");
  });

  it("keeps a removed student's words anonymous, under the same label", async () => {
    const { ana, ben, teacher } = world.users;
    const before = (await findAnnotations({ viewerId: ana.id, assignmentId: anonymousId })).annotations.find((a) => a.id === bensComment)!.author;
    await removeStudent({ viewerId: teacher.id, classroomId: world.assignmentA.classroomId, userId: ben.id });
    const list = await findAnnotations({ viewerId: ana.id, assignmentId: anonymousId });
    expectNoneOf(list, bensMarks(), "list after removal");
    expect(list.annotations.find((a) => a.id === bensComment)!.author).toEqual(before);
    expectNoneOf(await findErrata({ viewerId: ana.id, assignmentId: anonymousId }), bensMarks(), "errata after removal");
    expectNoneOf(await streamAsAna(anonymousId, [bensComment]), bensMarks(), "live stream after removal");
    // Teachers still see who wrote what; students cannot export.
    const teachers = await findAnnotations({ viewerId: teacher.id, assignmentId: anonymousId });
    expect(teachers.annotations.find((a) => a.id === bensComment)!.author.name).toBe(ben.name);
    expect(await codeOf(exportAssignment({ viewerId: ana.id, assignmentId: anonymousId, baseUrl: "http://localhost" }))).toBe("not_found");
  });
});
