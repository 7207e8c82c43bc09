import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotation, findAnnotations } from "@/lib/server/annotations/find-annotations";
import { hideAnnotation } from "@/lib/server/annotations/hide-annotation";
import { createReply } from "@/lib/server/replies/reply-writes";
import { richTextFromPlain } from "@/lib/rich-text";
import { commentInput, makeWorld } from "../support/world";
import { codeOf } from "../support/error-code";

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let commentId: string;
let privateId: string;


/** What each person finds of the comment in the assignment's list: absent, or its hidden mark. */
async function seenBy(viewerId: string): Promise<"absent" | "shown" | "shown, marked hidden"> {
  const { annotations } = await findAnnotations({ viewerId, assignmentId: world.assignmentA.id });
  const found = annotations.find((a) => a.id === commentId);
  return !found ? "absent" : found.isHidden ? "shown, marked hidden" : "shown";
}

beforeAll(async () => {
  world = await makeWorld();
  const text = world.revision.text;
  const { ana } = world.users;
  const as = { viewerId: ana.id, assignmentId: world.assignmentA.id };
  commentId = (await createAnnotation({ ...as, input: commentInput(text, "secret speech", { comment: "Off-topic remark" }) })).annotation.id;
  privateId = (await createAnnotation({ ...as, input: commentInput(text, "Join now!", { scope: "private" }) })).annotation.id;
});

describe("a teacher hides an annotation", () => {
  it("takes it away from classmates; its author and the teacher still see it, marked hidden", async () => {
    const { teacher, ana, ben } = world.users;
    expect(await seenBy(ben.id)).toBe("shown");

    const dto = await hideAnnotation({ viewerId: teacher.id, annotationId: commentId, hidden: true });
    expect(dto.isHidden).toBe(true);
    expect(await seenBy(ben.id)).toBe("absent");
    expect(await codeOf(findAnnotation({ viewerId: ben.id, annotationId: commentId }))).toBe("not_found");
    expect(await seenBy(ana.id)).toBe("shown, marked hidden");
    expect(await seenBy(teacher.id)).toBe("shown, marked hidden");

    const row = await db.annotation.findUniqueOrThrow({ where: { id: commentId } });
    expect(row.hiddenById).toBe(teacher.id);
    expect(row.hiddenAt).toBeInstanceOf(Date);
    // Hiding changes nothing the author wrote: an edit they have open must not conflict.
    expect(row.version).toBe(1);
  });

  it("records an audit entry and a live change in the same write, once", async () => {
    const { teacher } = world.users;
    await hideAnnotation({ viewerId: teacher.id, annotationId: commentId, hidden: true });
    const audits = await db.auditEvent.findMany({ where: { entityType: "annotation", entityId: commentId } });
    expect(audits.map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([["hidden", "visible", "hidden", teacher.id]]);
    const changes = await db.changeEvent.findMany({ where: { entityId: commentId, type: "annotation.updated" } });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ assignmentId: world.assignmentA.id, actorId: teacher.id, scope: "class", ownerId: world.users.ana.id, kind: "comment" });
  });

  it("shows it to the class again when unhidden", async () => {
    const { teacher, ben } = world.users;
    const dto = await hideAnnotation({ viewerId: teacher.id, annotationId: commentId, hidden: false });
    expect(dto.isHidden).toBe(false);
    expect(await seenBy(ben.id)).toBe("shown");
    const row = await db.annotation.findUniqueOrThrow({ where: { id: commentId } });
    expect([row.hiddenAt, row.hiddenById]).toEqual([null, null]);
    const audits = await db.auditEvent.findMany({ where: { entityType: "annotation", entityId: commentId }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["hidden", "unhidden"]);
  });

  it("is refused, as not found, to students, other classes' teachers, and on private notes", async () => {
    const { ana, ben, otherTeacher, teacher } = world.users;
    for (const viewerId of [ana.id, ben.id, otherTeacher.id]) {
      expect(await codeOf(hideAnnotation({ viewerId, annotationId: commentId, hidden: true }))).toBe("not_found");
    }
    expect(await codeOf(hideAnnotation({ viewerId: teacher.id, annotationId: privateId, hidden: true }))).toBe("not_found");
    expect(await codeOf(hideAnnotation({ viewerId: teacher.id, annotationId: "no-such-id", hidden: true }))).toBe("not_found");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: commentId } })).hiddenAt).toBeNull();
  });

  it("logs later changes to a hidden thread for its author and the teachers only, so classmates' streams hear nothing", async () => {
    const { teacher, ana } = world.users;
    await hideAnnotation({ viewerId: teacher.id, annotationId: commentId, hidden: true });
    const { reply } = await createReply({ viewerId: ana.id, annotationId: commentId, input: { id: randomUUID(), body: richTextFromPlain("Still here") } });
    const replyId = reply.id;
    const [change] = await db.changeEvent.findMany({ where: { entityId: replyId } });
    expect(change).toMatchObject({ type: "reply.created", scope: "teachers", ownerId: ana.id });
    await hideAnnotation({ viewerId: teacher.id, annotationId: commentId, hidden: false });
  });
});
