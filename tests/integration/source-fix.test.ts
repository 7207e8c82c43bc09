import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeFlagMark } from "@/lib/annotations/flags";
import { db } from "@/lib/db";
import { anchorStatusNote } from "@/lib/format/annotation-labels";
import { richTextFromPlain } from "@/lib/rich-text";
import { createAnswerKeyEntry } from "@/lib/server/answer-key/create-answer-key-entry";
import { findKeyReport } from "@/lib/server/answer-key/find-key-report";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { createClass } from "@/lib/server/classes/class-writes";
import { addReading, editReading } from "@/lib/server/essays/reading-writes";
import { syncContent } from "@/lib/server/essays/sync-content";
import { createFlag } from "@/lib/server/flags/create-flag";
import { findStudentTable } from "@/lib/server/review/find-student-table";
import { makeUser, select } from "../support/world";

const WRONG = "In 1995 the central committee set up the Pospelov commission to look into the purges of the thirties.";
const FIXED = WRONG.replace("1995", "1955");
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The two real ways a source gets corrected: its content file changes, or its teacher edits the reading. */
const PATHS: Record<string, (teacherId: string) => Promise<{ essayId: string; fix: () => Promise<void> }>> = {
  "a content file": async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "source-fix-"));
    dirs.push(dir);
    const slug = `source-fix-${randomUUID().slice(0, 8)}`;
    const file = (body: string) =>
      `---\ntitle: "Source fix"\nauthor: Test\nsource: Written for the test\nretrieved: 2026-11-01\nnotes: Test file.\n---\n\n${body}\n`;
    writeFileSync(path.join(dir, `${slug}.md`), file(WRONG));
    await syncContent({ db, dir });
    const essay = await db.essay.findUniqueOrThrow({ where: { slug } });
    return {
      essayId: essay.id,
      fix: async () => {
        writeFileSync(path.join(dir, `${slug}.md`), file(FIXED));
        expect((await syncContent({ db, dir })).newRevisions.map((r) => r.slug)).toEqual([slug]);
      },
    };
  },
  "a teacher's reading": async (teacherId: string) => {
    const input = {
      title: "Source fix",
      author: "Test",
      source: "Typed by the teacher",
      sourceUrl: "",
      retrieved: "2026-11-01",
      notes: "Typed for the test.",
      text: WRONG,
      format: "txt" as const,
      isShared: false,
    };
    const essay = await addReading({ viewerId: teacherId, input });
    return {
      essayId: essay.id,
      fix: async () => {
        expect((await editReading({ viewerId: teacherId, essayId: essay.id, input: { ...input, text: FIXED } })).newRevision).toBe(2);
      },
    };
  },
};

describe.each(Object.entries(PATHS))("after %s fixes the error a class flagged", (_name, makeSource) => {
  it("calls the flag and the key entry fixed in the source, and its finders keep their credit", async () => {
    const [teacher, ana, ben] = await Promise.all([makeUser("Fix Teacher", "teacher"), makeUser("Fix Ana"), makeUser("Fix Ben")]);
    const classroom = await createClass({ viewerId: teacher.id, name: "Source fix" });
    await db.membership.createMany({
      data: [ana, ben].map((s) => ({ userId: s.id, classroomId: classroom.id, role: "student" as const })),
    });
    const source = await makeSource(teacher.id);
    const assignment = await db.assignment.create({
      data: { classroomId: classroom.id, essayId: source.essayId, dueAt: new Date(Date.now() + 86_400_000), peerFlagVisibility: "always" },
    });
    const assignmentId = assignment.id;

    const { annotation: flag } = await createFlag({
      viewerId: ana.id,
      assignmentId,
      input: {
        id: randomUUID(),
        scope: "class",
        ...select(WRONG, "1995"),
        category: "date_number",
        correction: "1955",
        rationale: richTextFromPlain("The commission was set up in late 1955."),
        evidence: [],
        tags: [],
      },
    });
    const key = await createAnswerKeyEntry({
      viewerId: teacher.id,
      assignmentId,
      input: { source: "selectors", ...select(WRONG, "1995"), category: "date_number", correction: "1955", note: "" },
    });
    const as = { viewerId: teacher.id, assignmentId };
    const before = await findStudentTable(as);
    const anaBefore = before.rows.find((r) => r.student.id === ana.id)!;
    expect(anaBefore.keyFound).toBe(1);

    await source.fix();

    // The flag: fixed in the source, on the corrected words, no "changed" warning, not "edited".
    const list = await findAnnotations({ viewerId: ben.id, assignmentId });
    const after = list.annotations.find((a) => a.id === flag.id)!;
    expect(after.flag?.fixedInSource).toBe(true);
    expect(after).toMatchObject({ anchorStatus: "replaced", currentText: "1955", updatedAt: flag.updatedAt });
    expect(FIXED.slice(after.span!.start, after.span!.end)).toBe("1955");
    const note = anchorStatusNote(after.anchorStatus, after.currentText, { isFixedInSource: after.flag?.fixedInSource });
    expect(note).toBe("The source now reads: “1955”");
    const mark = describeFlagMark([after.id], after.span!.end, new Map([[after.id, after]]));
    expect(mark).toMatchObject({ isFixedInSource: true, correctionText: null });

    // The key entry agrees with the flag, and whoever found it keeps the credit.
    const report = await findKeyReport(as);
    const entry = report.entries.find((e) => e.entry.id === key.entry.id)!;
    expect(entry).toMatchObject({ isPlaced: true, fixedInSource: true, partial: [] });
    expect(entry.found).toEqual([{ student: { id: ana.id, name: ana.name }, flagIds: [flag.id] }]);
    expect(report.outside).toEqual([]);
    const table = await findStudentTable(as);
    const anaAfter = table.rows.find((r) => r.student.id === ana.id)!;
    expect([anaAfter.keyFound, anaAfter.keyPartial, anaAfter.keyMissed]).toEqual([anaBefore.keyFound, anaBefore.keyPartial, 0]);
    // Nobody can find it in the corrected text any more, so it is nobody's miss.
    const benAfter = table.rows.find((r) => r.student.id === ben.id)!;
    expect([benAfter.keyFound, benAfter.keyMissed]).toEqual([0, 0]);
  });
});
