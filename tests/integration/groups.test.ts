import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { createReply } from "@/lib/server/replies/reply-writes";
import { findAssignmentGroups, setAssignmentGroups } from "@/lib/server/groups/assignment-groups";
import { findClassGroups } from "@/lib/server/groups/find-groups";
import { saveAssignmentGroups, saveClassGroups } from "@/lib/server/groups/save-groups";
import { richTextFromPlain } from "@/lib/rich-text";
import { randomUUID } from "node:crypto";
import { commentInput, makeUser, makeWorld } from "../support/world";
import { codeOf } from "../support/error-code";

let world: Awaited<ReturnType<typeof makeWorld>>;
let cara: { id: string };
let dan: { id: string };

beforeAll(async () => {
  world = await makeWorld();
  [cara, dan] = await Promise.all([makeUser("Cara"), makeUser("Dan")]);
  await db.membership.createMany({ data: [cara, dan].map((u) => ({ userId: u.id, classroomId: world.assignmentA.classroomId, role: "student" as const })) });
});

const text = () => world.revision.text;
const seen = async (viewerId: string, assignmentId: string) => new Set((await findAnnotations({ viewerId, assignmentId })).annotations.map((a) => a.id));

async function newAssignment() {
  return db.assignment.create({ data: { classroomId: world.assignmentA.classroomId, essayId: world.essay.id, dueAt: new Date(Date.now() + 86_400_000) } });
}

describe("small groups: in a group assignment, class visibility is the author's group", () => {
  it("splits the class automatically into groups whose sizes differ by at most one, only for its teachers", async () => {
    const { ana, ben, teacher, otherTeacher } = world.users;
    const { set } = await saveClassGroups({ viewerId: teacher.id, classroomId: world.assignmentA.classroomId, input: { auto: { count: 2 } } });
    expect(set.groups.map((g) => g.memberIds.length).sort()).toEqual([2, 2]);
    expect(set.groups.flatMap((g) => g.memberIds).sort()).toEqual([ana.id, ben.id, cara.id, dan.id].sort());
    expect(set.unplaced.memberIds).toEqual([]);
    const sized = await saveClassGroups({ viewerId: teacher.id, classroomId: world.assignmentA.classroomId, input: { auto: { size: 3 } } });
    expect(sized.set.groups.length).toBe(1);
    for (const viewerId of [ana.id, otherTeacher.id]) {
      expect(await codeOf(findClassGroups({ viewerId, classroomId: world.assignmentA.classroomId }))).toBe("not_found");
    }
  });

  it("hides a class comment from another group, shows it to the author's group and the teachers; a teacher's note reaches everyone", async () => {
    const { ana, ben, teacher } = world.users;
    const assignment = await newAssignment();
    await saveAssignmentGroups({ viewerId: teacher.id, assignmentId: assignment.id, input: { groups: [{ name: "Reds", memberIds: [ana.id, cara.id] }, { name: "Blues", memberIds: [ben.id] }] } });
    const { annotation } = await createAnnotation({ viewerId: ana.id, assignmentId: assignment.id, input: commentInput(text(), "Stalin") });
    const { annotation: note } = await createAnnotation({ viewerId: teacher.id, assignmentId: assignment.id, input: commentInput(text(), "Khrushchev", { comment: "For everyone." }) });
    expect((await seen(cara.id, assignment.id)).has(annotation.id)).toBe(true);
    expect((await seen(ben.id, assignment.id)).has(annotation.id)).toBe(false);
    expect((await seen(teacher.id, assignment.id)).has(annotation.id)).toBe(true);
    expect((await seen(ben.id, assignment.id)).has(note.id)).toBe(true);
    // Another group cannot reply to what it cannot see: the same 404 as a missing id.
    expect(await codeOf(createReply({ viewerId: ben.id, annotationId: annotation.id, input: { id: randomUUID(), body: richTextFromPlain("Hi") } }))).toBe("not_found");
    // Dan joined no group: he is "Not in a group", with others in none, and sees neither group's notes.
    expect((await seen(dan.id, assignment.id)).has(annotation.id)).toBe(false);
    const { annotation: dans } = await createAnnotation({ viewerId: dan.id, assignmentId: assignment.id, input: commentInput(text(), "Stalin", { comment: "Dan's." }) });
    expect((await seen(ana.id, assignment.id)).has(dans.id)).toBe(false);
    expect((await seen(teacher.id, assignment.id)).has(dans.id)).toBe(true);
    const teacherView = (await findAnnotations({ viewerId: teacher.id, assignmentId: assignment.id })).annotations;
    expect(teacherView.find((a) => a.id === annotation.id)?.groupId).toBeTruthy();
    expect(teacherView.find((a) => a.id === note.id)?.groupId).toBeNull();
  });

  it("moves a student's class notes with them when groups change mid-assignment, and takes groups away when the assignment stops using them", async () => {
    const { ana, ben, teacher } = world.users;
    const assignment = await newAssignment();
    await saveAssignmentGroups({ viewerId: teacher.id, assignmentId: assignment.id, input: { groups: [{ name: "Reds", memberIds: [ana.id, cara.id] }, { name: "Blues", memberIds: [ben.id] }] } });
    const { annotation } = await createAnnotation({ viewerId: ana.id, assignmentId: assignment.id, input: commentInput(text(), "Stalin") });
    const moved = await saveAssignmentGroups({ viewerId: teacher.id, assignmentId: assignment.id, input: { groups: [{ name: "Reds", memberIds: [cara.id] }, { name: "Blues", memberIds: [ben.id, ana.id] }] } });
    expect(moved.moved).toBe(1);
    expect((await seen(ben.id, assignment.id)).has(annotation.id)).toBe(true);
    expect((await seen(cara.id, assignment.id)).has(annotation.id)).toBe(false);
    // Readers are told to reload: one whole-assignment change per regrouping.
    const reloads = await db.changeEvent.count({ where: { assignmentId: assignment.id, entityId: "*" } });
    expect(reloads).toBeGreaterThanOrEqual(2);
    const none = await setAssignmentGroups({ viewerId: teacher.id, assignmentId: assignment.id, input: { use: "none" } });
    expect(none.groups.use).toBe("none");
    expect((await seen(cara.id, assignment.id)).has(annotation.id)).toBe(true);
    const back = await setAssignmentGroups({ viewerId: teacher.id, assignmentId: assignment.id, input: { use: "own" } });
    expect(back.groups.set?.groups.map((g) => g.name)).toEqual(["Reds", "Blues"]);
    expect((await seen(cara.id, assignment.id)).has(annotation.id)).toBe(false);
    const own = await findAssignmentGroups({ viewerId: teacher.id, assignmentId: assignment.id });
    expect(own.use).toBe("own");
  });

  it("refuses a student who is not in the class, and a student in two groups", async () => {
    const { ana, teacher, outsider } = world.users;
    const assignment = await newAssignment();
    for (const groups of [[{ name: "A", memberIds: [outsider.id] }], [{ name: "A", memberIds: [ana.id] }, { name: "B", memberIds: [ana.id] }]]) {
      expect(await codeOf(saveAssignmentGroups({ viewerId: teacher.id, assignmentId: assignment.id, input: { groups } }))).toBe("invalid");
    }
  });
});
