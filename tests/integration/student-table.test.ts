import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnnotationKind, Scope } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { richTextFromPlain } from "@/lib/rich-text";
import { studentTableCsv } from "@/lib/review/student-table";
import { toJson } from "@/lib/server/annotations/check-body";
import { createAnswerKeyEntry } from "@/lib/server/answer-key/create-answer-key-entry";
import { mergeFlags, reviewFlag } from "@/lib/server/flags/review-flag";
import { findStudentTable } from "@/lib/server/review/find-student-table";
import { makeUser, makeWorld, insertAnnotationRow, select } from "../support/world";

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let text: string;
let cleo: { id: string };
let zoe: { id: string };

/** A fixed moment on the seeded timeline, so first and last activity can be computed by hand. */
const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 2, day, hour));

async function annotate(
  authorId: string,
  kind: AnnotationKind,
  words: string,
  createdAt: Date,
  options: { scope?: Scope; deletedAt?: Date } = {},
): Promise<string> {
  const id = await insertAnnotationRow(world, {
    authorId,
    kind,
    words,
    scope: options.scope,
    body: kind === "highlight" ? undefined : toJson(richTextFromPlain(`${kind} on ${words}`)),
    createdAt,
    deletedAt: options.deletedAt,
  });
  if (kind === "flag") await db.flag.create({ data: { annotationId: id, category: "date_number", correction: "1955" } });
  return id;
}

async function reply(authorId: string, annotationId: string, createdAt: Date, deletedAt?: Date) {
  await db.reply.create({ data: { id: randomUUID(), annotationId, authorId, body: toJson(richTextFromPlain("Re")), createdAt, deletedAt } });
}

beforeAll(async () => {
  world = await makeWorld();
  text = world.revision.text;
  const { teacher, ana, ben, outsider } = world.users;
  cleo = await makeUser("Cleo");
  zoe = await db.user.create({ data: { name: '=Zoë "Z" Núñez, Jr.', email: `zoe.${Date.now()}@test.school` } });
  await db.membership.createMany({
    data: [
      { userId: cleo.id, classroomId: world.assignmentA.classroomId, role: "student" },
      { userId: zoe.id, classroomId: world.assignmentA.classroomId, role: "student" },
    ],
  });
  await db.assignment.update({ where: { id: world.assignmentA.id }, data: { minHighlights: 2, minComments: 1, minFlags: 1 } });
  const asTeacher = { viewerId: teacher.id, assignmentId: world.assignmentA.id };
  await createAnswerKeyEntry({ ...asTeacher, input: { source: "selectors", ...select(text, "1995"), category: "date_number", correction: "1955", note: "" } });

  // Ana: 2 highlights, 1 comment, 1 flag (verified), 1 reply; a private highlight, a deleted comment and a deleted reply that do not count.
  await annotate(ana.id, "highlight", "Initially, prisoners", at(2));
  await annotate(ana.id, "highlight", "secret speech", at(4, 15));
  const anaComment = await annotate(ana.id, "comment", "Molotov and Malenkov", at(3));
  const anaFlag = await annotate(ana.id, "flag", "1995", at(3, 12));
  await annotate(ana.id, "highlight", "Join now!", at(1), { scope: "private" });
  await annotate(ana.id, "comment", "Part Congress", at(1), { deletedAt: at(1, 10) });
  const benComment = await annotate(ben.id, "comment", "Twentieth Part Congress", at(5));
  await reply(ana.id, benComment, at(5, 18));
  await reply(ana.id, benComment, at(6), at(6, 1));

  // Ben: 1 comment, 1 flag merged into Ana's verified one, 2 replies, a vote; a teacher-scope highlight counts.
  await annotate(ben.id, "highlight", "liquidating Trotsky", at(6, 8), { scope: "teachers" });
  const benFlag = await annotate(ben.id, "flag", "1995", at(5, 10));
  await reply(ben.id, anaComment, at(5, 11));
  await reply(ben.id, benComment, at(7));
  await db.flagVote.create({ data: { flagId: anaFlag, voterId: ben.id, value: "agree", createdAt: at(4), updatedAt: at(8) } });
  await reviewFlag({ ...asTeacher, annotationId: anaFlag, input: { status: "verified", reason: "" } });
  await mergeFlags({ ...asTeacher, annotationId: benFlag, intoId: anaFlag });

  // Not students of this class: the teacher's own notes and another class's student.
  await annotate(teacher.id, "comment", "In 1995", at(2));
  const year = select(text, "1995");
  await db.annotation.create({
    data: {
      ...year.quote,
      id: randomUUID(),
      assignmentId: world.assignmentB.id,
      authorId: outsider.id,
      revisionId: world.revision.id,
      kind: "highlight",
      startCp: year.position.start,
      endCp: year.position.end,
    },
  });
});

describe("the per-student table", () => {
  it("has one row per student on the roster, counting what the teacher may see", async () => {
    const table = await findStudentTable({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    const rows = Object.fromEntries(
      table.rows.map((r) => [r.student.name, [r.highlights, r.comments, r.replies, r.flags, r.verifiedFlags, r.keyFound, r.keyPartial, r.keyMissed]]),
    );
    expect(rows).toEqual({
      Ana: [2, 1, 1, 1, 1, 1, 0, 0],
      Ben: [1, 1, 2, 1, 1, 1, 0, 0],
      Cleo: [0, 0, 0, 0, 0, 0, 0, 1],
      '=Zoë "Z" Núñez, Jr.': [0, 0, 0, 0, 0, 0, 0, 1],
    });
    expect(table.minimums).toEqual({ highlights: 2, comments: 1, flags: 1 });
  });

  it("gives first and last activity across annotations, replies and votes", async () => {
    const table = await findStudentTable({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    const row = (name: string) => table.rows.find((r) => r.student.name === name)!;
    expect([row("Ana").firstActivityAt, row("Ana").lastActivityAt]).toEqual([at(2).toISOString(), at(5, 18).toISOString()]);
    expect([row("Ben").firstActivityAt, row("Ben").lastActivityAt]).toEqual([at(4).toISOString(), at(8).toISOString()]);
    expect([row("Cleo").firstActivityAt, row("Cleo").lastActivityAt]).toEqual([null, null]);
  });

  it("works out completion from the minimums and the due date", async () => {
    const ask = { viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id };
    const before = await findStudentTable(ask);
    expect(Object.fromEntries(before.rows.map((r) => [r.student.name, r.completion]))).toEqual({
      Ana: "complete",
      // Ben's one highlight is short of the minimum of two.
      Ben: "in_progress",
      Cleo: "not_started",
      '=Zoë "Z" Núñez, Jr.': "not_started",
    });
    // Past the due date, whoever has not met every minimum is past due; done work stays complete.
    const afterDue = await findStudentTable({ ...ask, now: new Date(world.assignmentA.dueAt.getTime() + 86_400_000) });
    expect(Object.fromEntries(afterDue.rows.map((r) => [r.student.name, r.completion]))).toEqual({
      Ana: "complete",
      Ben: "past_due",
      Cleo: "past_due",
      '=Zoë "Z" Núñez, Jr.': "past_due",
    });
  });

  it("links each row to that student's annotations in the reader", async () => {
    const table = await findStudentTable({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    const ana = table.rows.find((r) => r.student.name === "Ana")!;
    expect(ana.href).toBe(`/essays/destalinization-origins?assignment=${world.assignmentA.id}&student=${world.users.ana.id}`);
  });

  it("is not there for students or other classes' teachers", async () => {
    for (const viewer of [world.users.ana, world.users.otherTeacher]) {
      const error = await findStudentTable({ viewerId: viewer.id, assignmentId: world.assignmentA.id }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("not_found");
    }
  });
});

describe("the CSV export", () => {
  it("is UTF-8 with a BOM, a header row, quoted cells and inert formulas", async () => {
    const csv = studentTableCsv(await findStudentTable({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id }));
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Student,Email,Highlights,Comments,Replies,Flags,Verified flags,Key found,Key partial,Key missed,Completion,First activity (UTC),Last activity (UTC)",
    );
    expect(lines).toHaveLength(4 + 2);
    const ana = lines.find((l) => l.startsWith("Ana,"))!;
    expect(ana).toBe(`Ana,${world.users.ana.email},2,1,1,1,1,1,0,0,Complete,${at(2).toISOString()},${at(5, 18).toISOString()}`);
    const zoeLine = lines.find((l) => l.includes("Zoë"))!;
    expect(zoeLine.startsWith(`"'=Zoë ""Z"" Núñez, Jr.",`)).toBe(true);
    expect(zoeLine.endsWith(",0,0,0,0,0,0,0,1,Not started,,")).toBe(true);
    expect(lines.at(-1)).toBe("");
  });
});
