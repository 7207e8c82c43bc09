import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mentionedIds, type TiptapDoc } from "@/lib/rich-text";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { saveAssignmentGroups } from "@/lib/server/groups/save-groups";
import { findMentionable } from "@/lib/server/mentions/find-mentionable";
import { CANNOT_MENTION } from "@/lib/server/mentions/resolve-mentions";
import { createReply } from "@/lib/server/replies/reply-writes";
import { codeOf } from "../support/error-code";
import { commentInput, makeUser, makeWorld } from "../support/world";

let world: Awaited<ReturnType<typeof makeWorld>>;
let cara: { id: string };

beforeAll(async () => {
  world = await makeWorld();
  cara = await makeUser("Cara");
  await db.membership.create({ data: { userId: cara.id, classroomId: world.assignmentA.classroomId, role: "student" } });
});

/** A paragraph that mentions `id` with whatever label the client sent. */
const mentioning = (id: string, label = "Anyone"): TiptapDoc => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Ask " }, { type: "mention", attrs: { id, label } }] }],
});

/** Every mention's attributes in a document, in order. */
function mentionsIn(doc: TiptapDoc | null): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown) => {
    const n = node as { type?: string; attrs?: unknown; content?: unknown[] };
    if (n.type === "mention") found.push(n.attrs);
    n.content?.forEach(walk);
  };
  if (doc) walk(doc);
  return found;
}

async function newAssignment(data: { anonymousPeers?: boolean } = {}) {
  return db.assignment.create({ data: { classroomId: world.assignmentA.classroomId, essayId: world.essay.id, dueAt: new Date(Date.now() + 86_400_000), ...data } });
}

const names = async (viewerId: string, assignmentId: string, target: { scope?: "class" | "private" | "teachers"; annotationId?: string }) =>
  (await findMentionable({ viewerId, assignmentId, scope: target.scope ?? "class", annotationId: target.annotationId })).map((p) => p.id);

describe("@mentions", () => {
  it("store the member's real name whatever label the client sent, and refuse anyone outside the class", async () => {
    const { ana, ben, outsider } = world.users;
    const assignment = await newAssignment();
    const { annotation } = await createAnnotation({
      viewerId: ana.id,
      assignmentId: assignment.id,
      input: { ...commentInput(world.revision.text, "Stalin"), body: mentioning(ben.id, "The Teacher") },
    });
    expect(mentionsIn(annotation.body)).toEqual([{ id: ben.id, label: "Ben" }]);
    const outside = createAnnotation({
      viewerId: ana.id,
      assignmentId: assignment.id,
      input: { ...commentInput(world.revision.text, "Khrushchev"), body: mentioning(outsider.id) },
    });
    expect(await codeOf(outside)).toBe("invalid");
    await expect(outside).rejects.toThrow(CANNOT_MENTION);
    // A made-up id is no member either.
    expect(await codeOf(createReply({ viewerId: ana.id, annotationId: annotation.id, input: { id: randomUUID(), body: mentioning("nobody-" + randomUUID()) } }))).toBe(
      "invalid",
    );
  });

  it("in an anonymous assignment: a student mentions teachers only, and reads a teacher's mention of a classmate as 'Classmate N'", async () => {
    const { ana, ben, teacher } = world.users;
    const assignment = await newAssignment({ anonymousPeers: true });
    expect(await names(ana.id, assignment.id, { scope: "class" })).toEqual([teacher.id]);
    const byName = createAnnotation({
      viewerId: ana.id,
      assignmentId: assignment.id,
      input: { ...commentInput(world.revision.text, "Stalin"), body: mentioning(ben.id) },
    });
    expect(await codeOf(byName)).toBe("invalid");
    const { annotation } = await createAnnotation({
      viewerId: ana.id,
      assignmentId: assignment.id,
      input: { ...commentInput(world.revision.text, "Stalin"), body: mentioning(teacher.id) },
    });
    const { annotation: bens } = await createAnnotation({ viewerId: ben.id, assignmentId: assignment.id, input: commentInput(world.revision.text, "Khrushchev") });
    const reply = await createReply({ viewerId: teacher.id, annotationId: annotation.id, input: { id: randomUUID(), body: mentioning(ben.id) } });
    expect(mentionsIn(reply.reply.body)).toEqual([{ id: ben.id, label: "Ben" }]);
    // Ana, a student, never learns Ben's name or id from it; Ben sees himself; the teacher sees the name.
    const asAna = (await findAnnotations({ viewerId: ana.id, assignmentId: assignment.id })).annotations.find((a) => a.id === annotation.id)!;
    const [hidden] = mentionsIn(asAna.replies[0].body) as { id: string; label: string }[];
    // The same label his own comment carries for her.
    const bensLabel = (await findAnnotations({ viewerId: ana.id, assignmentId: assignment.id })).annotations.find((a) => a.id === bens.id)!.author.name;
    expect(bensLabel).toMatch(/^Classmate \d+$/);
    expect(hidden).toEqual({ id: `anon:${bensLabel}`, label: bensLabel });
    expect(JSON.stringify(asAna)).not.toContain(ben.id);
    const asBen = (await findAnnotations({ viewerId: ben.id, assignmentId: assignment.id })).annotations.find((a) => a.id === annotation.id)!;
    expect(mentionsIn(asBen.replies[0].body)).toEqual([{ id: ben.id, label: "Ben" }]);
    const asTeacher = (await findAnnotations({ viewerId: teacher.id, assignmentId: assignment.id })).annotations.find((a) => a.id === annotation.id)!;
    expect(mentionsIn(asTeacher.replies[0].body)).toEqual([{ id: ben.id, label: "Ben" }]);
    // The teacher is no classmate: their mention keeps its name for everyone.
    expect(mentionsIn(asAna.body)).toEqual([{ id: teacher.id, label: "Teacher A" }]);
  });

  it("suggest only those who will see the text: nobody for a private note, teachers for a teacher-only one, the group in a group assignment", async () => {
    const { ana, ben, teacher, outsider } = world.users;
    const assignment = await newAssignment();
    expect((await names(ana.id, assignment.id, { scope: "class" })).sort()).toEqual([ben.id, cara.id, teacher.id].sort());
    expect(await names(ana.id, assignment.id, { scope: "private" })).toEqual([]);
    expect(await names(ana.id, assignment.id, { scope: "teachers" })).toEqual([teacher.id]);
    // A reply in Ben's teacher-only thread can only reach Ben and the teachers.
    const { annotation: toTeachers } = await createAnnotation({
      viewerId: ben.id,
      assignmentId: assignment.id,
      input: commentInput(world.revision.text, "Khrushchev", { scope: "teachers" }),
    });
    expect((await names(teacher.id, assignment.id, { annotationId: toTeachers.id })).sort()).toEqual([ben.id]);
    // Someone who cannot see a thread gets no suggestions for it: the same 404 as a missing one.
    expect(await codeOf(names(ana.id, assignment.id, { annotationId: toTeachers.id }))).toBe("not_found");
    expect(await codeOf(names(outsider.id, assignment.id, { scope: "class" }))).toBe("not_found");

    await saveAssignmentGroups({ viewerId: teacher.id, assignmentId: assignment.id, input: { groups: [{ name: "Reds", memberIds: [ana.id, cara.id] }, { name: "Blues", memberIds: [ben.id] }] } });
    expect((await names(ana.id, assignment.id, { scope: "class" })).sort()).toEqual([cara.id, teacher.id].sort());
  });

  it("mentioning someone never shows them a text they may not see", async () => {
    const { ana, ben } = world.users;
    const assignment = await newAssignment();
    const { annotation } = await createAnnotation({
      viewerId: ana.id,
      assignmentId: assignment.id,
      input: { ...commentInput(world.revision.text, "Stalin", { scope: "private" }), body: mentioning(ben.id) },
    });
    // Stored as written (Ben is a member), but it stays Ana's private note.
    expect(mentionedIds(annotation.body!)).toEqual([ben.id]);
    const bens = await findAnnotations({ viewerId: ben.id, assignmentId: assignment.id });
    expect(bens.annotations.map((a) => a.id)).not.toContain(annotation.id);
    // Editing keeps a mention's label the server's, too.
    const edited = await updateAnnotation({ viewerId: ana.id, annotationId: annotation.id, input: { version: annotation.version, body: mentioning(ben.id, "Someone else") } });
    expect(mentionsIn(edited.body)).toEqual([{ id: ben.id, label: "Ben" }]);
  });
});
