import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { FlagCategory, FlagStatus, Scope } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { createAnswerKeyEntry } from "@/lib/server/answer-key/create-answer-key-entry";
import { findKeyReport } from "@/lib/server/answer-key/find-key-report";
import { makeUser, makeWorld, insertAnnotationRow, select } from "../support/world";

type World = Awaited<ReturnType<typeof makeWorld>>;
let text: string;

const byHand = (words: string, category: FlagCategory) => ({
  source: "selectors" as const,
  ...select(text, words),
  category,
  correction: "",
  note: "",
});

describe("who found what", () => {
  let report: World;
  let cleo: Awaited<ReturnType<typeof makeUser>>;
  const ids: Record<string, string> = {};

  async function flag(
    authorId: string,
    words: string,
    category: FlagCategory,
    options: { scope?: Scope; status?: FlagStatus } = {},
  ): Promise<string> {
    const id = await insertAnnotationRow(report, { authorId, kind: "flag", words, scope: options.scope });
    await db.flag.create({ data: { annotationId: id, category, correction: "", status: options.status ?? "open" } });
    return id;
  }

  beforeAll(async () => {
    report = await makeWorld();
    text = report.revision.text;
    const { teacher, ana, ben } = report.users;
    cleo = await makeUser("Cleo");
    await db.membership.create({ data: { userId: cleo.id, classroomId: report.assignmentA.classroomId, role: "student" } });
    const as = { viewerId: teacher.id, assignmentId: report.assignmentA.id };
    ids.year = (await createAnswerKeyEntry({ ...as, input: byHand("1995", "date_number") })).entry.id;
    ids.party = (await createAnswerKeyEntry({ ...as, input: byHand("Part Congress", "term_spelling") })).entry.id;

    ids.anaYear = await flag(ana.id, "In 1995", "date_number");
    ids.anaParty = await flag(ana.id, "Part Congress", "name_place");
    ids.anaOutside = await flag(ana.id, "Molotov and Malenkov", "unsupported");
    ids.benYear = await flag(ben.id, "1995", "date_number");
    await flag(ben.id, "Part Congress", "term_spelling", { scope: "private" });
    await flag(ben.id, "Part Congress", "term_spelling", { status: "rejected" });
    await flag(teacher.id, "secret speech", "contested");
  });

  it("lists, per entry, who found it and who found it in another category", async () => {
    const { entries } = await findKeyReport({ viewerId: report.users.teacher.id, assignmentId: report.assignmentA.id });
    const year = entries.find((e) => e.entry.id === ids.year)!;
    const party = entries.find((e) => e.entry.id === ids.party)!;
    expect(year.found.map((f) => f.student.name).sort()).toEqual(["Ana", "Ben"]);
    expect(year.found.find((f) => f.student.name === "Ana")?.flagIds).toEqual([ids.anaYear]);
    expect(year.partial).toEqual([]);
    expect(party.found).toEqual([]);
    expect(party.partial).toEqual([{ student: { id: report.users.ana.id, name: "Ana" }, flagIds: [ids.anaParty] }]);
  });

  it("counts found, partial and missed per student, ignoring private and rejected flags", async () => {
    const { students } = await findKeyReport({ viewerId: report.users.teacher.id, assignmentId: report.assignmentA.id });
    const counts = Object.fromEntries(students.map((s) => [s.student.name, [s.found, s.partial, s.missed, s.outside]]));
    expect(counts).toEqual({ Ana: [1, 1, 0, 1], Ben: [1, 0, 1, 0], Cleo: [0, 0, 2, 0] });
  });

  it("lists students' flags outside the key with a link into the reader", async () => {
    const { outside } = await findKeyReport({ viewerId: report.users.teacher.id, assignmentId: report.assignmentA.id });
    expect(outside.map((o) => o.annotationId)).toEqual([ids.anaOutside]);
    expect(outside[0]).toMatchObject({ category: "unsupported", quote: { exact: "Molotov and Malenkov" } });
    expect(outside[0].href).toContain(`assignment=${report.assignmentA.id}`);
    expect(outside[0].href).toContain(`annotation=${ids.anaOutside}`);
  });

  it("places an entry made on an older text by its quote, and reports one whose words are gone", async () => {
    const old = await db.essay.create({
      data: { slug: `older-${randomUUID()}`, title: "Older", author: "", source: "", retrieved: "2024-01-01", notes: "" },
    });
    const oldText = `Preface. ${text.slice(0, 600)} Words that were cut.`;
    const oldRevision = await db.essayRevision.create({ data: { essayId: old.id, number: 1, contentHash: "x", text: oldText, blocks: [] } });
    const carried = select(oldText, "1995");
    const gone = select(oldText, "Words that were cut");
    const base = { assignmentId: report.assignmentA.id, revisionId: oldRevision.id, correction: "", category: "date_number" as const };
    const moved = await db.answerKeyEntry.create({ data: { ...base, ...carried.quote, startCp: carried.position.start, endCp: carried.position.end } });
    const lost = await db.answerKeyEntry.create({ data: { ...base, ...gone.quote, startCp: gone.position.start, endCp: gone.position.end } });

    const { entries, students } = await findKeyReport({ viewerId: report.users.teacher.id, assignmentId: report.assignmentA.id });
    const movedRow = entries.find((e) => e.entry.id === moved.id)!;
    expect(movedRow).toMatchObject({ isPlaced: true, entry: { isOnCurrentRevision: false } });
    expect(movedRow.found.map((f) => f.student.name).sort()).toEqual(["Ana", "Ben"]);
    expect(entries.find((e) => e.entry.id === lost.id)).toMatchObject({ isPlaced: false, found: [], partial: [] });
    // The unplaced entry is nobody's miss.
    expect(students.find((s) => s.student.name === "Cleo")?.missed).toBe(3);
    await db.answerKeyEntry.deleteMany({ where: { id: { in: [moved.id, lost.id] } } });
  });
});
