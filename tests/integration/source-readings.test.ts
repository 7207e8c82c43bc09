import { readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describe as describeSpan } from "@/lib/anchoring";
import { db } from "@/lib/db";
import type { SourceGeometry } from "@/lib/sources";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { createClass } from "@/lib/server/classes/class-writes";
import { findReadableEssay } from "@/lib/server/essays/find-readable-essay";
import { exportAssignment, toDownloadDocument } from "@/lib/server/export/export-assignment";
import { importAnnotations } from "@/lib/server/export/import-annotations";
import { MAX_SOURCE_BYTES } from "@/lib/sources";
import { addSourceReading, findSourceStatus, replaceSourceFile } from "@/lib/server/sources/add-source-reading";
import { findSourceFile } from "@/lib/server/sources/find-source-file";
import { closeSourcePool } from "@/lib/server/sources/source-pool";
import { startSourceWorker, stopSourceQueue } from "@/lib/server/sources/source-queue";
import type { SourceReadingInput } from "@/lib/validation/source-reading";
import type { W3CAnnotation } from "@/lib/w3c";
import { findConformanceDir } from "../helpers/conformance";
import { loadMustValidator } from "../helpers/w3c-validator";
import { GETTYSBURG, makeTextPdf } from "../support/source-fixtures";
import { codeOf } from "../support/error-code";
import { makeUser } from "../support/world";

const FIXTURES = path.resolve(__dirname, "../fixtures/sources");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const BASE = "https://marginalia.test";

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
let student: { id: string };
let classroomId: string;

/** Waits for the essay's newest job to finish (the queue polls every second here), answering its row. */
async function settled(essayId: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await db.sourceJob.findFirstOrThrow({ where: { essayId }, orderBy: { createdAt: "desc" } });
    if (job.status === "done" || job.status === "failed") return job;
    if (Date.now() > until) throw new Error(`job ${job.id} still ${job.status} (${job.stage})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function upload(name: string, bytes: Uint8Array, extra: Partial<SourceReadingInput> = {}) {
  return addSourceReading({ viewerId: teacher.id, input: { ...meta, title: name, ...extra }, file: { name: `${name}.pdf`, bytes } });
}

beforeAll(async () => {
  process.env.SOURCE_QUEUE_POLL_S = "1";
  teacher = await makeUser("Source Teacher", "teacher");
  student = await makeUser("Source Student");
  const classroom = await createClass({ viewerId: teacher.id, name: "Sources" });
  classroomId = classroom.id;
  await db.membership.create({ data: { userId: student.id, classroomId, role: "student" } });
  await startSourceWorker();
});

afterAll(async () => {
  await stopSourceQueue();
  await closeSourcePool();
});

describe("a PDF with a text layer", () => {
  let essay: { id: string; slug: string };
  let assignmentId: string;
  let onPageTwo: string;

  it("becomes a reading whose text is the pages' text, one block per paragraph, each on its page", async () => {
    ({ essay } = await upload("Three pages", fixture("gettysburg-3-pages.pdf")));
    // No revision until the job has read the file: nothing to assign yet.
    expect(await findReadableEssay({ viewerId: teacher.id, slug: essay.slug })).toBeNull();
    const job = await settled(essay.id);
    expect(job).toMatchObject({ status: "done", progress: 100, revisionNumber: 1 });
    const readable = await findReadableEssay({ viewerId: teacher.id, slug: essay.slug });
    expect(readable?.revision.text).toBe(GETTYSBURG.join("\n"));
    expect(readable?.revision.blocks.map((b) => b.page)).toEqual([0, 1, 2]);
    const geometry = readable?.revision.geometry as SourceGeometry;
    expect(geometry.kind).toBe("pdf");
    expect(geometry.pages.map((p) => [p.width, p.height])).toEqual([[612, 792], [612, 792], [612, 792]]);
    // Every run's words are where its box says: inside the page, lines going down the page.
    for (const run of geometry.runs) {
      expect(run.x).toBeGreaterThanOrEqual(71);
      expect(run.x + run.w).toBeLessThanOrEqual(541);
      expect(run.y).toBeGreaterThan(60);
    }
    const pageTwoRuns = geometry.runs.filter((r) => r.p === 1);
    expect(pageTwoRuns.map((r) => r.y)).toEqual([...pageTwoRuns.map((r) => r.y)].sort((a, b) => a - b));
    expect(job.attempts).toBe(1);
  });

  it("keeps a passage on one page, and exports it with its page for the W3C model", async () => {
    const assignment = await db.assignment.create({ data: { classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) } });
    assignmentId = assignment.id;
    const text = GETTYSBURG.join("\n");
    const start = text.indexOf("great civil war");
    const { quote, position } = describeSpan(text, start, start + "great civil war".length);
    const created = await createAnnotation({
      viewerId: student.id,
      assignmentId,
      input: { id: crypto.randomUUID(), kind: "highlight", scope: "class", quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position, tags: [] },
    });
    onPageTwo = created.annotation.id;
    // Across the end of page 1 onto page 2: refused with a sentence.
    const across = describeSpan(text, text.indexOf("created equal"), text.indexOf("Now we are") + 6);
    const refused = createAnnotation({
      viewerId: student.id,
      assignmentId,
      input: { id: crypto.randomUUID(), kind: "highlight", scope: "class", quote: { exact: across.quote.exact, prefix: across.quote.prefix ?? "", suffix: across.quote.suffix ?? "" }, position: across.position, tags: [] },
    });
    expect(await codeOf(refused)).toBe("invalid");

    const { collection, page } = await exportAssignment({ viewerId: teacher.id, assignmentId, baseUrl: BASE, isDownload: true, page: 0 });
    const items = (JSON.parse(JSON.stringify(toDownloadDocument(collection, page))) as { first: { items: W3CAnnotation[] } }).first.items;
    const target = items[0].target as { selector: { type: string; value?: string; refinedBy?: { exact: string; prefix: string } }[] };
    expect(target.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector", "FragmentSelector"]);
    expect(target.selector[2]).toMatchObject({ value: "page=2", refinedBy: { type: "TextQuoteSelector", exact: "great civil war", prefix: "Now we are engaged in a " } });
    const dir = findConformanceDir();
    if (dir) {
      const musts = loadMustValidator(dir);
      for (const item of items) expect(musts(item).failures).toEqual([]);
    }
    // Import reads the text selectors back (the page is a refinement of the same passage).
    const other = await db.assignment.create({ data: { classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) } });
    await importAnnotations({ viewerId: teacher.id, assignmentId: other.id, baseUrl: BASE, json: JSON.parse(JSON.stringify(toDownloadDocument(collection, page))) });
    const list = await findAnnotations({ viewerId: teacher.id, assignmentId: other.id });
    expect(list.annotations.map((a) => a.quote.exact)).toEqual(["great civil war"]);
  });

  it("takes a corrected file as a new revision, and the annotations re-anchor onto it", async () => {
    await replaceSourceFile({ viewerId: teacher.id, essayId: essay.id, file: { name: "corrected.pdf", bytes: fixture("gettysburg-3-pages-corrected.pdf") } });
    expect(await codeOf(replaceSourceFile({ viewerId: student.id, essayId: essay.id, file: { name: "x.pdf", bytes: fixture("gettysburg.pdf") } }))).toBe("not_found");
    const job = await settled(essay.id);
    expect(job).toMatchObject({ status: "done", revisionNumber: 2 });
    const list = await findAnnotations({ viewerId: student.id, assignmentId });
    const moved = list.annotations.find((a) => a.id === onPageTwo)!;
    expect(moved.anchorStatus).toBe("replaced");
    expect(moved.currentText).toBe("great Civil War");
    // The same file again makes no third revision.
    await replaceSourceFile({ viewerId: teacher.id, essayId: essay.id, file: { name: "again.pdf", bytes: fixture("gettysburg-3-pages-corrected.pdf") } });
    expect(await settled(essay.id)).toMatchObject({ status: "done", revisionNumber: 2, stage: "The text is unchanged" });
  });
});

describe("refusals, each with a sentence and no retry", () => {
  it("refuses a PDF carrying JavaScript", async () => {
    const doc = await PDFDocument.load(await makeTextPdf([["A page with a script."]]));
    doc.addJavaScript("hello", "app.alert('hi')");
    const { essay } = await upload("Scripted", await doc.save());
    const job = await settled(essay.id);
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.message).toMatch(/contains JavaScript/);
  });

  it("refuses a malformed PDF", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage stream\n%%EOF");
    const { essay } = await upload("Broken", bytes);
    const job = await settled(essay.id);
    expect(job.status).toBe("failed");
    expect(job.message).toMatch(/could not be read|No text/);
  });

  it("refuses a PDF with more pages than the limit", async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 501; i++) doc.addPage([200, 200]);
    const { essay } = await upload("Too long", await doc.save());
    const job = await settled(essay.id);
    expect(job.message).toMatch(/501 pages; a reading can have at most 500/);
  });

  it("refuses what is not a PDF or picture, and a picture without its description, before anything is stored", async () => {
    const before = await db.sourceFile.count();
    expect(await codeOf(upload("Text", new TextEncoder().encode("just text")))).toBe("unsupported_media");
    expect(await codeOf(addSourceReading({ viewerId: teacher.id, input: meta, file: { name: "scan.png", bytes: fixture("gettysburg-scan.png") } }))).toBe("invalid");
    expect(await codeOf(addSourceReading({ viewerId: student.id, input: meta, file: { name: "a.pdf", bytes: fixture("gettysburg.pdf") } }))).toBe("forbidden");
    const oversized = new Uint8Array(MAX_SOURCE_BYTES + 1);
    oversized.set(new TextEncoder().encode("%PDF-1.7\n"));
    const tooLarge = upload("Too large", oversized);
    expect(await codeOf(tooLarge)).toBe("too_large");
    await expect(tooLarge).rejects.toThrow(/larger than 20 MB/);
    expect(await db.sourceFile.count()).toBe(before);
  });
});

describe("who may read a reading's file", () => {
  it("its owner and the classes it is assigned to, like the reading itself; anyone else finds no such file", async () => {
    const { essay } = await upload("Access", fixture("gettysburg.pdf"));
    await settled(essay.id);
    const file = await db.sourceFile.findFirstOrThrow({ where: { essayId: essay.id } });
    const outsider = await makeUser("Source Outsider");
    expect(await findSourceFile({ viewerId: teacher.id, fileId: file.id })).toMatchObject({ id: file.id, mediaType: "application/pdf" });
    expect(await findSourceFile({ viewerId: student.id, fileId: file.id })).toBeNull();
    expect(await findSourceFile({ viewerId: outsider.id, fileId: file.id })).toBeNull();
    // The job's progress is the owner's alone.
    expect(await codeOf(findSourceStatus({ viewerId: student.id, essayId: essay.id }))).toBe("not_found");
    await db.assignment.create({ data: { classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) } });
    expect(await findSourceFile({ viewerId: student.id, fileId: file.id })).toMatchObject({ id: file.id });
    expect(await findSourceFile({ viewerId: outsider.id, fileId: file.id })).toBeNull();
  });
});

describe("deleting a reading", () => {
  it("removes its files and jobs", async () => {
    const { essay } = await upload("Short-lived", fixture("gettysburg.pdf"));
    await settled(essay.id);
    expect(await db.sourceFile.count({ where: { essayId: essay.id } })).toBe(1);
    await db.essay.delete({ where: { id: essay.id } });
    expect(await db.sourceFile.count({ where: { essayId: essay.id } })).toBe(0);
    expect(await db.sourceJob.count({ where: { essayId: essay.id } })).toBe(0);
  });
});
