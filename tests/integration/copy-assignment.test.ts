import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { richTextFromPlain } from "@/lib/rich-text";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { copyAssignment, listCopyTargets } from "@/lib/server/assignments/copy-assignment";
import { exportAssignment, toDownloadDocument } from "@/lib/server/export/export-assignment";
import { importAnnotations } from "@/lib/server/export/import-annotations";
import { createReply } from "@/lib/server/replies/reply-writes";
import { findConformanceDir, suiteTitle } from "../helpers/conformance";
import { loadMotivationList, loadMustValidator } from "../helpers/w3c-validator";
import { codeOf } from "../support/error-code";
import { commentInput, makeWorld, select } from "../support/world";

const BASE = "https://marginalia.test";
type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
/** A second class Teacher A teaches. */
let classC: { id: string };
let guides: { question: string; instruction: string; teachersOnly: string };

async function pin(guide: "question" | "instruction", scope: "class" | "teachers", words: string, text: string) {
  const input = { ...commentInput(world.revision.text, words, { comment: text }), scope, guide };
  return (await createAnnotation({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, input })).annotation.id;
}

beforeAll(async () => {
  world = await makeWorld();
  const { teacher, ana } = world.users;
  classC = await db.classroom.create({
    data: { name: "Class C", joinCode: `C${Date.now()}`, memberships: { create: [{ userId: teacher.id, role: "teacher" }] } },
  });
  await db.assignment.update({
    where: { id: world.assignmentA.id },
    data: { anonymousPeers: true, peerFlagVisibility: "always", hintVisibility: "always", minHighlights: 4, minComments: 2, minFlags: 1, instructions: richTextFromPlain("Read closely.") as object },
  });
  guides = {
    question: await pin("question", "class", "secret speech", "Why was the speech secret?"),
    instruction: await pin("instruction", "class", "Khrushchev", "Note who is speaking."),
    teachersOnly: await pin("question", "teachers", "1956", "What changed in 1956? Answer to me."),
  };
  // A student's work and answer, which never travel with a copy.
  await createAnnotation({ viewerId: ana.id, assignmentId: world.assignmentA.id, input: commentInput(world.revision.text, "Stalin") });
  await createReply({ viewerId: ana.id, annotationId: guides.question, input: { id: randomUUID(), body: richTextFromPlain("Because it was risky.") } });
  const { quote, position } = select(world.revision.text, "1956");
  await db.answerKeyEntry.create({
    data: { assignmentId: world.assignmentA.id, revisionId: world.revision.id, ...quote, startCp: position.start, endCp: position.end, category: "date_number", correction: "1955", note: "Planted." },
  });
});

describe("copying an assignment to another class", () => {
  it("offers the other classes the teacher teaches, and only those", async () => {
    const targets = await listCopyTargets({ viewerId: world.users.teacher.id, classroomId: world.assignmentA.classroomId });
    expect(targets).toEqual([{ id: classC.id, name: "Class C" }]);
  });

  it("copies the settings, the guides (on the same revision, at the same words) and the answer key, never students' work", async () => {
    const dueAt = new Date(Date.now() + 14 * 86_400_000);
    const copied = await copyAssignment({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, input: { classroomId: classC.id, dueAt } });
    expect(copied).toMatchObject({ guides: 3, answerKeyEntries: 1, assignment: { classroomId: classC.id } });
    const [source, copy] = await Promise.all(
      [world.assignmentA.id, copied.assignment.id].map((id) =>
        db.assignment.findUniqueOrThrow({ where: { id }, include: { annotations: { include: { replies: true } }, answerKey: true } }),
      ),
    );
    const settings = ({ essayId, anonymousPeers, peerFlagVisibility, hintVisibility, minHighlights, minComments, minFlags, instructions }: typeof source) => ({
      essayId, anonymousPeers, peerFlagVisibility, hintVisibility, minHighlights, minComments, minFlags, instructions,
    });
    expect(settings(copy)).toEqual(settings(source));
    expect(copy.dueAt.toISOString()).toBe(dueAt.toISOString());
    const place = (a: { revisionId: string; startCp: number; endCp: number; exact: string; guide?: string | null; scope?: string }) => [a.revisionId, a.startCp, a.endCp, a.exact, a.guide, a.scope];
    const sourceGuides = source.annotations.filter((a) => a.guide);
    expect(copy.annotations.map(place).sort()).toEqual(sourceGuides.map(place).sort());
    expect(copy.annotations.every((a) => a.authorId === world.users.teacher.id && a.replies.length === 0)).toBe(true);
    expect(copy.annotations.some((a) => sourceGuides.some((g) => g.id === a.id))).toBe(false);
    const key = (e: (typeof source.answerKey)[number]) => [e.revisionId, e.startCp, e.endCp, e.exact, e.category, e.correction, e.note];
    expect(copy.answerKey.map(key)).toEqual(source.answerKey.map(key));
    // The copy's reader shows the guides placed on the current text.
    const list = await findAnnotations({ viewerId: world.users.teacher.id, assignmentId: copied.assignment.id });
    expect(list.annotations.map((a) => [a.guide, a.anchorStatus, a.span !== null])).toEqual(
      expect.arrayContaining([["question", "anchored", true], ["instruction", "anchored", true]]),
    );
  });

  it("refuses a class the teacher does not teach, and an assignment they do not teach (404), writing nothing", async () => {
    const before = await db.assignment.count();
    const { teacher, otherTeacher, ana } = world.users;
    const classB = world.assignmentB.classroomId;
    expect(await codeOf(copyAssignment({ viewerId: teacher.id, assignmentId: world.assignmentA.id, input: { classroomId: classB } }))).toBe("not_found");
    expect(await codeOf(copyAssignment({ viewerId: otherTeacher.id, assignmentId: world.assignmentA.id, input: { classroomId: classB } }))).toBe("not_found");
    expect(await codeOf(copyAssignment({ viewerId: ana.id, assignmentId: world.assignmentA.id, input: { classroomId: classC.id } }))).toBe("not_found");
    expect(await db.assignment.count()).toBe(before);
  });
});

const dir = findConformanceDir();

describe.skipIf(!dir)(suiteTitle("guides in the W3C export"), () => {
  it("a question is 'questioning', an instruction 'describing', both for students, and each passes the MUST schemas", async () => {
    const musts = loadMustValidator(dir ?? "");
    const motivations = loadMotivationList(dir ?? "");
    const { collection, page } = await exportAssignment({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, baseUrl: BASE, isDownload: true, page: 0 });
    const doc = JSON.parse(JSON.stringify(toDownloadDocument(collection, page))) as { first: { items: Record<string, unknown>[] } };
    const items = doc.first.items;
    const byText = (text: string) => items.find((i) => JSON.stringify(i.body ?? "").includes(text))!;
    const student = { type: "schema:EducationalAudience", "schema:educationalRole": "student" };
    const teacher = { ...student, "schema:educationalRole": "teacher" };
    expect(byText("Why was the speech secret?")).toMatchObject({ motivation: "questioning", audience: student, body: [{ purpose: "questioning" }] });
    expect(byText("Note who is speaking.")).toMatchObject({ motivation: "describing", audience: student, body: [{ purpose: "describing" }] });
    expect(byText("What changed in 1956?")).toMatchObject({ motivation: "questioning", audience: [student, teacher] });
    for (const item of items) {
      expect(musts(item).failures, String(item.id)).toEqual([]);
      expect(motivations).toContain(item.motivation);
    }
  });

  it("an import keeps them as guides, written by the importing teacher with the file's author as provenance only", async () => {
    const { collection, page } = await exportAssignment({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, baseUrl: BASE, isDownload: true, page: 0 });
    const file = JSON.parse(JSON.stringify(toDownloadDocument(collection, page)));
    const { otherTeacher, outsider } = world.users;
    await importAnnotations({ viewerId: otherTeacher.id, assignmentId: world.assignmentB.id, json: file, baseUrl: BASE });
    const rows = await db.annotation.findMany({ where: { assignmentId: world.assignmentB.id, guide: { not: null } } });
    expect(rows.map((r) => [r.guide, r.scope, r.authorId, r.originalCreatorName]).sort()).toEqual(
      [
        ["instruction", "class", otherTeacher.id, "Teacher A"],
        ["question", "class", otherTeacher.id, "Teacher A"],
        ["question", "teachers", otherTeacher.id, "Teacher A"],
      ].sort(),
    );
    // The class of the importing teacher sees them as guides from the start; a student's comment imports as a comment.
    const list = await findAnnotations({ viewerId: outsider.id, assignmentId: world.assignmentB.id });
    expect(list.annotations.filter((a) => a.guide).length).toBe(3);
    expect(await db.annotation.count({ where: { assignmentId: world.assignmentB.id, guide: null, kind: "comment" } })).toBeGreaterThan(0);
  });
});
