import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClass } from "@/lib/server/classes/class-writes";
import { addReading } from "@/lib/server/essays/reading-writes";
import { addSourceReading } from "@/lib/server/sources/add-source-reading";
import { editSourceDetails } from "@/lib/server/sources/edit-source-details";
import { stopSourceQueue } from "@/lib/server/sources/source-queue";
import type { SourceReadingInput } from "@/lib/validation/source-reading";
import { codeOf } from "../support/error-code";
import { makeUser } from "../support/world";

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures/sources", name)));

const meta: SourceReadingInput = {
  title: "The Gettysburg Address",
  author: "Abraham Lincoln",
  source: "Typeset from the Bliss copy",
  sourceUrl: "",
  retrieved: "2026-12-01",
  notes: "Public domain.",
  isShared: false,
  altText: "",
};

let teacher: { id: string };
let otherTeacher: { id: string };

beforeAll(async () => {
  teacher = await makeUser("Details Teacher", "teacher");
  otherTeacher = await makeUser("Details Other Teacher", "teacher");
  await createClass({ viewerId: teacher.id, name: "Details" });
  await createClass({ viewerId: otherTeacher.id, name: "Other details" });
});

afterAll(async () => {
  await stopSourceQueue();
});

/** A file reading with its text already read (revision 1), as the job leaves it. */
async function fileReading(name: string, bytes: Uint8Array, extra: Partial<SourceReadingInput> = {}) {
  const { essay } = await addSourceReading({ viewerId: teacher.id, input: { ...meta, ...extra }, file: { name, bytes } });
  await db.essayRevision.create({ data: { essayId: essay.id, number: 1, contentHash: `h-${essay.id}`, text: "Four score and seven years ago", blocks: [] } });
  return essay;
}

describe("editing a file reading's provenance after upload", () => {
  it("changes the details in place: same revision, same text, nothing re-anchored", async () => {
    const essay = await fileReading("address.pdf", fixture("gettysburg.pdf"));
    const before = await db.essay.findUniqueOrThrow({ where: { id: essay.id }, include: { revisions: true } });
    const edited = { ...meta, title: "Address at Gettysburg", author: "A. Lincoln", sourceUrl: "https://example.org/bliss", retrieved: "1863-11-19", notes: "The Bliss copy.", isShared: true };
    const answer = await editSourceDetails({ viewerId: teacher.id, essayId: essay.id, input: edited });
    expect(answer.essay).toMatchObject({ id: essay.id, slug: before.slug, title: "Address at Gettysburg" });
    const after = await db.essay.findUniqueOrThrow({ where: { id: essay.id }, include: { revisions: true } });
    expect(after).toMatchObject({ title: "Address at Gettysburg", author: "A. Lincoln", sourceUrl: "https://example.org/bliss", retrieved: "1863-11-19", notes: "The Bliss copy.", isShared: true, altText: null });
    expect(after.revisions).toEqual(before.revisions);
    // An empty link removes it.
    await editSourceDetails({ viewerId: teacher.id, essayId: essay.id, input: { ...edited, sourceUrl: "" } });
    expect((await db.essay.findUniqueOrThrow({ where: { id: essay.id } })).sourceUrl).toBeNull();
  });

  it("keeps a picture's description required, and lets it be corrected", async () => {
    const essay = await fileReading("scan.png", fixture("gettysburg-scan.png"), { altText: "A typed page." });
    expect(await codeOf(editSourceDetails({ viewerId: teacher.id, essayId: essay.id, input: { ...meta, altText: "" } }))).toBe("invalid");
    await expect(editSourceDetails({ viewerId: teacher.id, essayId: essay.id, input: { ...meta, altText: "" } })).rejects.toThrow(/alt text/);
    expect((await db.essay.findUniqueOrThrow({ where: { id: essay.id } })).altText).toBe("A typed page.");
    await editSourceDetails({ viewerId: teacher.id, essayId: essay.id, input: { ...meta, altText: "A typed page of the address, slightly turned." } });
    expect((await db.essay.findUniqueOrThrow({ where: { id: essay.id } })).altText).toBe("A typed page of the address, slightly turned.");
  });

  it("is the owner's alone, and only for readings made from a file (a text reading is edited with its text)", async () => {
    const essay = await fileReading("mine.pdf", fixture("gettysburg.pdf"), { title: "Mine" });
    expect(await codeOf(editSourceDetails({ viewerId: otherTeacher.id, essayId: essay.id, input: { ...meta, title: "Taken" } }))).toBe("not_found");
    const text = await addReading({
      viewerId: teacher.id,
      input: { title: "Typed", author: "A", source: "B", sourceUrl: "", retrieved: "2026-12-01", notes: "C", text: "Some text.", format: "md", isShared: false },
    });
    expect(await codeOf(editSourceDetails({ viewerId: teacher.id, essayId: text.id, input: meta }))).toBe("not_found");
    expect((await db.essay.findUniqueOrThrow({ where: { id: essay.id } })).title).toBe("Mine");
  });
});
