import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotation } from "@/lib/server/annotations/find-annotations";
import { createClass } from "@/lib/server/classes/class-writes";
import { findReadableEssay } from "@/lib/server/essays/find-readable-essay";
import { addReading, editReading } from "@/lib/server/essays/reading-writes";
import type { ReadingInput } from "@/lib/validation/reading";
import { makeUser, select } from "../support/world";
import { codeOf } from "../support/error-code";

const base: ReadingInput = {
  title: "The Thaw, a primary source",
  author: "Ilya Ehrenburg (excerpt)",
  source: "Typed by the teacher from a printed anthology",
  sourceUrl: "",
  retrieved: "2026-11-20",
  notes: "Excerpt; spelling kept.",
  text: "# The Thaw\n\nIn 1954 the novel gave its name to a period.\n\n- Writers spoke more freely.",
  format: "md",
  isShared: false,
};


let teacher: { id: string };
let student: { id: string };
let stranger: { id: string };

beforeAll(async () => {
  teacher = await makeUser("Reading Teacher", "teacher");
  student = await makeUser("Reading Student");
  stranger = await makeUser("Stranger Student");
  const classroom = await createClass({ viewerId: teacher.id, name: "Readers" });
  await db.membership.create({ data: { userId: student.id, classroomId: classroom.id, role: "student" } });
});

describe("teacher-added readings", () => {
  it("becomes an essay with revision 1, parsed like a content file, and only teachers may add one", async () => {
    const essay = await addReading({ viewerId: teacher.id, input: base });
    const readable = await findReadableEssay({ viewerId: teacher.id, slug: essay.slug });
    expect(readable?.revision.number).toBe(1);
    expect(readable?.revision.blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "listItem"]);
    expect(await codeOf(addReading({ viewerId: student.id, input: base }))).toBe("forbidden");
    const again = await addReading({ viewerId: teacher.id, input: base });
    expect(again.slug).not.toBe(essay.slug);
  });

  it("is visible to the classes it is assigned to, not to others unless shared", async () => {
    const essay = await addReading({ viewerId: teacher.id, input: { ...base, title: "Private reading" } });
    const classroom = await db.membership.findFirstOrThrow({ where: { userId: teacher.id, role: "teacher" } });
    expect(await findReadableEssay({ viewerId: student.id, slug: essay.slug })).toBeNull();
    await db.assignment.create({ data: { classroomId: classroom.classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) } });
    expect(await findReadableEssay({ viewerId: student.id, slug: essay.slug })).not.toBeNull();
    expect(await findReadableEssay({ viewerId: stranger.id, slug: essay.slug })).toBeNull();
    await editReading({ viewerId: teacher.id, essayId: essay.id, input: { ...base, title: "Private reading", isShared: true } });
    expect(await findReadableEssay({ viewerId: stranger.id, slug: essay.slug })).not.toBeNull();
  });

  it("treats plain text as paragraphs, never as Markdown syntax", async () => {
    const essay = await addReading({ viewerId: teacher.id, input: { ...base, title: "Plain", format: "txt", text: "# not a heading\n\n- not a bullet" } });
    const readable = await findReadableEssay({ viewerId: teacher.id, slug: essay.slug });
    expect(readable?.revision.blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph"]);
    // Literally, with no invisible U+200B in front of the "#" or "-" to end up in quotes and exports.
    expect(readable?.revision.text).toBe("# not a heading\n- not a bullet");
  });

  it("keeps a plain-text line such as '-40 degrees' as text when the reading is edited", async () => {
    const input = { ...base, title: "Winter", format: "txt" as const, text: "-40 degrees that winter.\n\n> Not a quote." };
    const essay = await addReading({ viewerId: teacher.id, input });
    await editReading({ viewerId: teacher.id, essayId: essay.id, input: { ...input, text: `${input.text}\n\n+ one more line.` } });
    const readable = await findReadableEssay({ viewerId: teacher.id, slug: essay.slug });
    expect(readable?.revision.text).toBe("-40 degrees that winter.\n> Not a quote.\n+ one more line.");
    expect(readable?.revision.blocks.every((b) => b.type === "paragraph")).toBe(true);
  });

  it("makes a new revision on edit and carries annotations across", async () => {
    const essay = await addReading({ viewerId: teacher.id, input: { ...base, title: "Edited reading" } });
    const classroom = await db.membership.findFirstOrThrow({ where: { userId: teacher.id, role: "teacher" } });
    const assignment = await db.assignment.create({
      data: { classroomId: classroom.classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) },
    });
    const text = (await findReadableEssay({ viewerId: teacher.id, slug: essay.slug }))!.revision.text;
    const { annotation } = await createAnnotation({
      viewerId: student.id,
      assignmentId: assignment.id,
      input: { id: randomUUID(), kind: "highlight", scope: "class", tags: [], ...select(text, "gave its name") },
    });
    const saved = await editReading({
      viewerId: teacher.id,
      essayId: essay.id,
      input: { ...base, title: "Edited reading", text: "# The Thaw\n\nPublished in 1954, the novel gave its name to a period.\n\n- Writers spoke more freely." },
    });
    expect(saved.newRevision).toBe(2);
    expect(saved.reanchored).toMatchObject({ anchored: 1 });
    const moved = await findAnnotation({ viewerId: student.id, annotationId: annotation.id });
    const newText = (await findReadableEssay({ viewerId: teacher.id, slug: essay.slug }))!.revision.text;
    expect(newText.slice(moved.annotation.span!.start, moved.annotation.span!.end)).toBe("gave its name");
    expect(await codeOf(editReading({ viewerId: student.id, essayId: essay.id, input: base }))).toBe("not_found");
  });

  it("gives two readings with the same title, added at the same moment, each its own slug", async () => {
    const title = `Simultaneous reading ${Date.now()}`;
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => addReading({ viewerId: teacher.id, input: { ...base, title } })));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill("fulfilled"));
    const slugs = results.map((r) => (r as PromiseFulfilledResult<{ slug: string }>).value.slug);
    expect(new Set(slugs).size).toBe(6);
    const base0 = [...slugs].sort((a, b) => a.length - b.length)[0];
    expect(slugs.sort()).toEqual([base0, ...[2, 3, 4, 5, 6].map((n) => `${base0}-${n}`)].sort());
  });

  it("tells the owner editing a shared reading how their own classes' notes moved, not other classes'", async () => {
    const essay = await addReading({ viewerId: teacher.id, input: { ...base, title: "Shared across schools", isShared: true } });
    const own = await db.membership.findFirstOrThrow({ where: { userId: teacher.id, role: "teacher" } });
    const otherTeacher = await makeUser("Other School Teacher", "teacher");
    const otherStudent = await makeUser("Other School Student");
    const other = await createClass({ viewerId: otherTeacher.id, name: "Other school" });
    await db.membership.create({ data: { userId: otherStudent.id, classroomId: other.id, role: "student" } });
    const dueAt = new Date(Date.now() + 86_400_000);
    const ownAssignment = await db.assignment.create({ data: { classroomId: own.classroomId, essayId: essay.id, dueAt } });
    const otherAssignment = await db.assignment.create({ data: { classroomId: other.id, essayId: essay.id, dueAt } });
    const text = (await findReadableEssay({ viewerId: teacher.id, slug: essay.slug }))!.revision.text;
    const note = (viewerId: string, assignmentId: string, words: string, scope: "private" | "class") =>
      createAnnotation({ viewerId, assignmentId, input: { id: randomUUID(), kind: "highlight", scope, tags: [], ...select(text, words) } });
    await note(student.id, ownAssignment.id, "gave its name", "class");
    const hidden = await note(otherStudent.id, otherAssignment.id, "Writers spoke", "private");
    await note(otherStudent.id, otherAssignment.id, "a period", "class");
    await note(otherStudent.id, otherAssignment.id, "spoke more freely", "private");

    const saved = await editReading({
      viewerId: teacher.id,
      essayId: essay.id,
      input: { ...base, title: "Shared across schools", isShared: true, text: "# The Thaw\n\nIn 1954 the novel, quickly famous, gave its name to a period.\n\n- Poets and writers spoke more freely." },
    });
    expect(saved.reanchored).toEqual({ total: 1, anchored: 1, fuzzy: 0, replaced: 0, orphaned: 0, fixedInSource: 0 });
    // The other class's notes still moved onto the new text; they were only left out of the counts.
    const moved = await db.annotation.findUniqueOrThrow({ where: { id: hidden.annotation.id }, include: { revision: true } });
    expect(moved.revision.number).toBe(2);
    expect(await db.annotation.count({ where: { assignmentId: otherAssignment.id, revision: { number: 2 } } })).toBe(3);
  });

  it("refuses a reading with no text with a clear reason", async () => {
    expect(await codeOf(addReading({ viewerId: teacher.id, input: { ...base, text: "   " } }))).toBe("invalid");
  });
});
