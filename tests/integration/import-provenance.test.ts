import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { richTextFromPlain } from "@/lib/rich-text";
import { findKeyReport } from "@/lib/server/answer-key/find-key-report";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { importAnnotations } from "@/lib/server/export/import-annotations";
import { updateReply } from "@/lib/server/replies/reply-writes";
import { findStudentTable } from "@/lib/server/review/find-student-table";
import { codeOf } from "../support/error-code";
import { makeWorld, select } from "../support/world";

const BASE = "https://marginalia.test";
const CONTEXT = "http://www.w3.org/ns/anno.jsonld";
let world: Awaited<ReturnType<typeof makeWorld>>;

/** A file that claims Ana (a member of class A, by her real IRI) wrote a flag, a comment and a reply on 1 Jan 2020. */
function forgedFile() {
  const ana = { id: `${BASE}/users/${world.users.ana.id}`, type: "Person", name: "Ana" };
  const target = { source: `${BASE}/essays/destalinization-origins`, selector: [{ type: "TextQuoteSelector", ...select(world.revision.text, "1995").quote }] };
  const created = "2020-01-01T00:00:00Z";
  return [
    { "@context": CONTEXT, id: "https://elsewhere.example/a/flag", type: "Annotation", motivation: "editing", creator: ana, created, target,
      body: [{ type: "TextualBody", value: "1955", purpose: "editing" }, { type: "TextualBody", value: "date_number", purpose: "classifying" }] },
    { "@context": CONTEXT, id: "https://elsewhere.example/a/comment", type: "Annotation", motivation: "commenting", creator: ana, created, target,
      body: { type: "TextualBody", value: "Wrong year.", format: "text/plain" } },
    { "@context": CONTEXT, id: "https://elsewhere.example/a/reply", type: "Annotation", motivation: "replying", creator: ana, created,
      bodyValue: "I agree.", target: "https://elsewhere.example/a/comment" },
  ];
}

/** Ana's row and score before anything is imported, to compare with after. */
let before: { row: unknown; score: unknown };
let importStarted: Date;

beforeAll(async () => {
  world = await makeWorld();
  const start = select(world.revision.text, "1995");
  await db.answerKeyEntry.create({
    data: { assignmentId: world.assignmentA.id, revisionId: world.revision.id, ...start.quote, startCp: start.position.start, endCp: start.position.end, category: "date_number", correction: "1955" },
  });
  const table = await findStudentTable({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
  const report = await findKeyReport({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
  before = { row: table.rows.find((r) => r.student.id === world.users.ana.id), score: report.students.find((s) => s.student.id === world.users.ana.id) };
  importStarted = new Date();
  const summary = await importAnnotations({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, json: forgedFile(), baseUrl: BASE });
  expect(summary).toMatchObject({ imported: 2, replies: 1 });
});

describe("an import never forges authorship or time", () => {
  it("shows no one, not the named member and not the importer, an imported item as their own", async () => {
    // Students see the comment (classmates' flags show after their own first flag); the teacher sees both.
    for (const [viewer, count] of [[world.users.ana, 1], [world.users.ben, 1], [world.users.teacher, 2]] as const) {
      const { annotations } = await findAnnotations({ viewerId: viewer.id, assignmentId: world.assignmentA.id });
      expect(annotations).toHaveLength(count);
      for (const a of annotations) {
        expect(a.isMine).toBe(false);
        expect(a.author.id).not.toBe(world.users.ana.id);
        for (const r of a.replies) expect([r.isMine, r.author.id === world.users.ana.id]).toEqual([false, false]);
      }
    }
  });

  it("keeps the file's creator and date as provenance, and dates the rows at the import", async () => {
    const { annotations } = await findAnnotations({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    const items = [...annotations, ...annotations.flatMap((a) => a.replies)];
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.imported).toMatchObject({ originalCreator: "Ana", originalCreated: "2020-01-01T00:00:00.000Z" });
      expect(Date.parse(item.createdAt)).toBeGreaterThanOrEqual(importStarted.getTime());
      expect(item.author).toMatchObject({ id: world.users.teacher.id, isTeacher: true });
    }
    const flag = annotations.find((a) => a.kind === "flag")!;
    expect(flag.flag?.finders).toEqual([]);
    expect(flag.flag?.audit.map((e) => e.action)).toEqual(["imported"]);
    expect(await db.flagCredit.count({ where: { flagId: flag.id } })).toBe(0);
  });

  it("counts in no student's row, completion or answer-key score", async () => {
    const table = await findStudentTable({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    const report = await findKeyReport({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    expect(table.rows.find((r) => r.student.id === world.users.ana.id)).toEqual(before.row);
    expect(report.students.find((s) => s.student.id === world.users.ana.id)).toEqual(before.score);
    expect(report.entries[0].found).toEqual([]);
    expect(report.outside).toEqual([]);
  });

  it("refuses to let the importing teacher rewrite the file's words", async () => {
    const { annotations } = await findAnnotations({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    const comment = annotations.find((a) => a.kind === "comment")!;
    const reply = comment.replies[0];
    const edit = { version: comment.version, body: richTextFromPlain("Words Ana never wrote.") };
    expect(await codeOf(updateAnnotation({ viewerId: world.users.teacher.id, annotationId: comment.id, input: edit }))).toBe("forbidden");
    expect(await codeOf(updateReply({ viewerId: world.users.teacher.id, replyId: reply.id, input: { version: reply.version, body: edit.body } }))).toBe("forbidden");
  });
});
