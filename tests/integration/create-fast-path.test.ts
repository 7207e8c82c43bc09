import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import { findAssignmentAccess } from "@/lib/server/classes/find-assignment-access";
import { createReply } from "@/lib/server/replies/reply-writes";
import { richTextFromPlain } from "@/lib/rich-text";
import { codeOf } from "../support/error-code";
import { commentInput, makeWorld } from "../support/world";

// A highlight or comment is written in one statement and its DTO is built from
// what was inserted, without reading it back. These tests hold that shortcut
// to what a read would have returned, and to the change log it must keep.

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;

beforeAll(async () => {
  world = await makeWorld();
});

describe("creating without reading back", () => {
  const cases = [
    { who: "ana", kind: "comment", scope: "class", tags: ["dates", "1956"] },
    { who: "ana", kind: "highlight", scope: "private", tags: [] },
    { who: "teacher", kind: "comment", scope: "teachers", tags: ["model answer"] },
  ] as const;

  for (const c of cases) {
    it(`returns the same ${c.scope} ${c.kind} by ${c.who} that a read returns`, async () => {
      const viewerId = world.users[c.who].id;
      const base = commentInput(world.revision.text, "Khrushchev", { scope: c.scope, tags: [...c.tags] });
      const input = c.kind === "highlight" ? { ...base, kind: "highlight" as const, body: undefined } : base;
      const created = await createAnnotation({ viewerId, assignmentId: world.assignmentA.id, input });
      expect(created.isNew).toBe(true);
      // A read right after is current to the same log position: the create's own entry (asOf).
      const read = await reloadAnnotation(viewerId, created.annotation.id);
      expect(created.annotation).toEqual(read);
      expect(created.annotation.span).not.toBeNull();
    });
  }

  it("keeps names hidden the same way on an anonymous assignment", async () => {
    await db.assignment.update({ where: { id: world.assignmentA.id }, data: { anonymousPeers: true } });
    try {
      const input = commentInput(world.revision.text, "Stalin", { comment: "Own note" });
      const created = await createAnnotation({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id, input });
      // Your own name is shown to you even when peers are anonymous.
      expect(created.annotation.author).toEqual({ id: world.users.ben.id, name: "Ben", isTeacher: false });
      expect(created.annotation).toEqual(await reloadAnnotation(world.users.ben.id, created.annotation.id));
    } finally {
      await db.assignment.update({ where: { id: world.assignmentA.id }, data: { anonymousPeers: false } });
    }
  });

  it("logs exactly one change event per create, after the ones before it", async () => {
    const before = await db.changeEvent.findFirst({ where: { assignmentId: world.assignmentA.id }, orderBy: { id: "desc" } });
    const inputs = Array.from({ length: 8 }, (_, i) => commentInput(world.revision.text, "Stalin", { comment: `Note ${i}` }));
    const created = await Promise.all(inputs.map((input) => createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input })));
    const events = await db.changeEvent.findMany({
      where: { assignmentId: world.assignmentA.id, id: { gt: before?.id ?? BigInt(0) } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.entityId).sort()).toEqual(created.map((c) => c.annotation.id).sort());
    // Each answer is current to its own log entry, whatever order the eight committed in.
    expect(events.map((e) => `${e.entityId}@${e.id}`).sort()).toEqual(created.map((c) => `${c.annotation.id}@${c.annotation.asOf}`).sort());
    for (const e of events) {
      expect(e).toMatchObject({ type: "annotation.created", actorId: world.users.ana.id, ownerId: world.users.ana.id, scope: "class", kind: "comment" });
    }
  });

  it("stores a client id per author: Ben sending Ana's id makes his own annotation, and Ana's is untouched", async () => {
    const input = commentInput(world.revision.text, "Stalin", { comment: "Ana's note" });
    const ana = await createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input });
    const count = () => db.changeEvent.count({ where: { entityId: ana.annotation.id } });
    expect(await count()).toBe(1);
    const ben = await createAnnotation({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id, input });
    expect(ben.isNew).toBe(true);
    expect(ben.annotation.id).not.toBe(ana.annotation.id);
    expect(ben.annotation.author.id).toBe(world.users.ben.id);
    expect(await count()).toBe(1);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: ana.annotation.id } })).authorId).toBe(world.users.ana.id);
  });
});

describe("replies without reading back", () => {
  for (const who of ["ben", "teacher"] as const) {
    it(`returns ${who}'s reply as the thread shows it, logged once`, async () => {
      const thread = commentInput(world.revision.text, "Khrushchev", { comment: "Thread" });
      const threadId = (await createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input: thread })).annotation.id;
      const viewerId = world.users[who].id;
      const input = { id: randomUUID(), body: richTextFromPlain(`A reply from ${who}`) };
      const created = await createReply({ viewerId, annotationId: threadId, input });
      expect(created.isNew).toBe(true);
      const shown = (await reloadAnnotation(viewerId, threadId)).replies.find((r) => r.id === created.reply.id);
      expect(created.reply).toEqual(shown);
      const again = await createReply({ viewerId, annotationId: threadId, input });
      expect(again).toEqual({ reply: created.reply, isNew: false });
      expect(await db.changeEvent.count({ where: { entityId: created.reply.id, type: "reply.created" } })).toBe(1);
    });
  }
});

describe("a retried create after the essay changed", () => {
  const revision = (essayId: string, number: number, text: string) =>
    db.essayRevision.create({
      data: { essayId, number, text, contentHash: createHash("sha256").update(text).digest("hex"), blocks: [{ type: "paragraph", start: 0, end: text.length }] },
    });

  it("returns the first result, while a new create with the old selectors is refused", async () => {
    const text = "In 1995 the committee met. Khrushchev spoke for four hours.";
    const essay = await db.essay.create({
      data: { slug: `retry-${randomUUID()}`, title: "Retry", author: "Test", source: "Test", retrieved: "2026-11-01", notes: "" },
    });
    await revision(essay.id, 1, text);
    const assignment = await db.assignment.create({
      data: { classroomId: world.assignmentA.classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) },
    });
    const as = { viewerId: world.users.ana.id, assignmentId: assignment.id };
    const input = commentInput(text, "Khrushchev spoke");
    const first = await createAnnotation({ ...as, input });
    // The teacher publishes a corrected text: every offset after the date moves.
    await revision(essay.id, 2, text.replace("1995", "February 1956"));
    const again = await createAnnotation({ ...as, input });
    expect(again.isNew).toBe(false);
    expect(again.annotation.id).toBe(first.annotation.id);
    expect(await db.annotation.count({ where: { id: first.annotation.id } })).toBe(1);
    expect(await codeOf(createAnnotation({ ...as, input: { ...input, id: randomUUID() } }))).toBe("invalid");
  });
});

describe("assignment access in one query", () => {
  it("gives the viewer's role, the newest revision and its text, and nothing to outsiders", async () => {
    const asTeacher = await findAssignmentAccess({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    const asAna = await findAssignmentAccess({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id });
    expect(asTeacher?.role).toBe("teacher");
    expect(asAna?.role).toBe("student");
    expect(asAna?.revision.id).toBe(world.revision.id);
    expect(asAna?.revision.text).toBe(world.revision.text);
    expect(asAna?.assignment).toMatchObject({ essayId: world.essay.id, essaySlug: "destalinization-origins", peerFlagVisibility: "after_own_flag" });
    expect(asAna?.assignment.dueAt).toEqual(world.assignmentA.dueAt);
    expect(await findAssignmentAccess({ viewerId: world.users.outsider.id, assignmentId: world.assignmentA.id })).toBeNull();
    expect(await findAssignmentAccess({ viewerId: world.users.ana.id, assignmentId: world.assignmentB.id })).toBeNull();
    expect(await findAssignmentAccess({ viewerId: world.users.ana.id, assignmentId: "no-such-assignment" })).toBeNull();
  });
});
