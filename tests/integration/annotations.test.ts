import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { richTextFromPlain } from "@/lib/rich-text";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotation, findAnnotations } from "@/lib/server/annotations/find-annotations";
import { deleteAnnotation, updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { createReply } from "@/lib/server/replies/reply-writes";
import { commentInput, makeWorld, select } from "../support/world";
import { codeOf } from "../support/error-code";

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let text: string;


beforeAll(async () => {
  world = await makeWorld();
  text = world.revision.text;
});

describe("scope matrix: who sees what", () => {
  const scopes = ["private", "class", "teachers"] as const;
  // Expected visibility of Ana's annotation, per scope, per viewer.
  const expected: Record<string, Record<(typeof scopes)[number], boolean>> = {
    ana: { private: true, class: true, teachers: true },
    ben: { private: false, class: true, teachers: false },
    teacher: { private: false, class: true, teachers: true },
    outsider: { private: false, class: false, teachers: false },
    otherTeacher: { private: false, class: false, teachers: false },
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const scope of scopes) {
      const input = commentInput(text, "In 1995 the central committee", { scope, comment: `${scope} note` });
      ids[scope] = (await createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input })).annotation.id;
    }
  });

  for (const [viewer, byScope] of Object.entries(expected)) {
    for (const scope of scopes) {
      it(`${viewer} ${byScope[scope] ? "sees" : "gets 404 for"} a ${scope} annotation`, async () => {
        const viewerId = world.users[viewer as keyof World["users"]].id;
        expect(await codeOf(findAnnotation({ viewerId, annotationId: ids[scope] }))).toBe(byScope[scope] ? "ok" : "not_found");
        const list = findAnnotations({ viewerId, assignmentId: world.assignmentA.id });
        if (viewer === "outsider" || viewer === "otherTeacher") {
          expect(await codeOf(list)).toBe("not_found");
        } else {
          expect((await list).annotations.some((a) => a.id === ids[scope])).toBe(byScope[scope]);
        }
        const reply = createReply({ viewerId, annotationId: ids[scope], input: { id: randomUUID(), body: richTextFromPlain("Re") } });
        expect(await codeOf(reply)).toBe(byScope[scope] ? "ok" : "not_found");
      });
    }
  }

  it("anonymous (no such viewer) sees nothing", async () => {
    expect(await codeOf(findAnnotation({ viewerId: "nobody", annotationId: ids.class }))).toBe("not_found");
  });
});

describe("creating annotations", () => {
  it("is idempotent: the same id twice makes one annotation", async () => {
    const input = commentInput(text, "Khrushchev, wishing to firmly establish his power base");
    const first = await createAnnotation({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id, input });
    const again = await createAnnotation({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id, input });
    const raced = await Promise.all(
      [1, 2, 3].map(() => createAnnotation({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id, input })),
    );
    expect(first.isNew).toBe(true);
    expect(again.isNew).toBe(false);
    expect(raced.every((r) => !r.isNew)).toBe(true);
    const list = await findAnnotations({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id });
    expect(raced.every((r) => r.annotation.id === first.annotation.id) && again.annotation.id === first.annotation.id).toBe(true);
    expect(list.annotations.filter((a) => a.id === first.annotation.id)).toHaveLength(1);
  });

  it("answers another user's id as a fresh id: a new annotation of the sender's, nothing that says the id was taken", async () => {
    const input = commentInput(text, "Molotov and Malenkov");
    const ben = await createAnnotation({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id, input });
    const ana = await createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input });
    const fresh = await createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input: { ...input, id: randomUUID() } });
    expect([ana.isNew, fresh.isNew]).toEqual([true, true]);
    expect(ana.annotation.id).not.toBe(ben.annotation.id);
    expect(ana.annotation.author.id).toBe(world.users.ana.id);
    // The stored id of an item, sent as a client id by someone else, is just as fresh.
    const stored = await createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input: { ...input, id: ben.annotation.id } });
    expect(stored.isNew).toBe(true);
    expect(stored.annotation.id).not.toBe(ben.annotation.id);
  });

  it("refuses a tampered selector with 422", async () => {
    const honest = select(text, "1995");
    const cases = [
      { ...honest, quote: { ...honest.quote, exact: "1955" } },
      { ...honest, position: { start: honest.position.start + 1, end: honest.position.end + 1 } },
      { ...honest, quote: { ...honest.quote, prefix: "In 1994 " } },
      { ...honest, position: { start: 999_999, end: 1_000_000 } },
    ];
    for (const selectors of cases) {
      const input = { ...commentInput(text, "1995"), ...selectors };
      expect(await codeOf(createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input }))).toBe("invalid");
    }
  });

  it("refuses a body outside the whitelist and an oversized one", async () => {
    const smuggled = commentInput(text, "1995", { body: { type: "doc", content: [{ type: "html", text: "<img onerror=x>" }] } });
    const huge = commentInput(text, "1995", { comment: "x".repeat(5001) });
    for (const input of [smuggled, huge]) {
      expect(await codeOf(createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input }))).toBe("invalid");
    }
  });

  it("gives spans in UTF-16 on the current revision that slice the quote", async () => {
    const input = { ...commentInput(text, "secret speech"), kind: "highlight" as const, body: undefined };
    const { annotation } = await createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input });
    expect(annotation.span && text.slice(annotation.span.start, annotation.span.end)).toBe("secret speech");
    expect(annotation.anchorStatus).toBe("anchored");
  });
});

describe("editing and deleting", () => {
  it("gives 409 to a stale edit and keeps the newer text", async () => {
    const input = commentInput(text, "The Presidium decided");
    const { annotation } = await createAnnotation({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, input });
    const tabOne = await updateAnnotation({
      viewerId: world.users.ana.id,
      annotationId: annotation.id,
      input: { version: annotation.version, body: richTextFromPlain("Edited in tab one") },
    });
    expect(tabOne.version).toBe(annotation.version + 1);
    const tabTwo = updateAnnotation({
      viewerId: world.users.ana.id,
      annotationId: annotation.id,
      input: { version: annotation.version, body: richTextFromPlain("Edited in tab two") },
    });
    expect(await codeOf(tabTwo)).toBe("conflict");
    const { annotation: now } = await findAnnotation({ viewerId: world.users.ana.id, annotationId: annotation.id });
    expect(JSON.stringify(now.body)).toContain("tab one");
  });

  it("lets only the author edit; a classmate gets 403, an outsider 404", async () => {
    const { annotation } = await createAnnotation({
      viewerId: world.users.ana.id,
      assignmentId: world.assignmentA.id,
      input: commentInput(text, "The actual speech took place"),
    });
    const edit = (viewerId: string) =>
      updateAnnotation({ viewerId, annotationId: annotation.id, input: { version: 1, tags: ["mine"] } });
    expect(await codeOf(edit(world.users.ben.id))).toBe("forbidden");
    expect(await codeOf(edit(world.users.outsider.id))).toBe("not_found");
  });

  it("keeps a deleted comment with replies in place as deleted, and drops one without", async () => {
    const withReply = await createAnnotation({
      viewerId: world.users.ana.id,
      assignmentId: world.assignmentA.id,
      input: commentInput(text, "It failed to criticize"),
    });
    await createReply({ viewerId: world.users.ben.id, annotationId: withReply.annotation.id, input: { id: randomUUID(), body: richTextFromPlain("I agree") } });
    const alone = await createAnnotation({
      viewerId: world.users.ana.id,
      assignmentId: world.assignmentA.id,
      input: commentInput(text, "Several possible reasons"),
    });
    await deleteAnnotation({ viewerId: world.users.ana.id, annotationId: withReply.annotation.id, version: 1 });
    await deleteAnnotation({ viewerId: world.users.ana.id, annotationId: alone.annotation.id, version: 1 });

    const list = await findAnnotations({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id });
    const kept = list.annotations.find((a) => a.id === withReply.annotation.id);
    expect(kept).toMatchObject({ isDeleted: true, body: null });
    expect(kept?.replies).toHaveLength(1);
    expect(list.annotations.some((a) => a.id === alone.annotation.id)).toBe(false);
  });
});
