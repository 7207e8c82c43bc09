import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describe as describeSpan } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { isLowConfidence, type SourceGeometry } from "@/lib/sources";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { createClass } from "@/lib/server/classes/class-writes";
import { findReadableEssay } from "@/lib/server/essays/find-readable-essay";
import { findErrata } from "@/lib/server/errata/find-errata";
import { createFlag } from "@/lib/server/flags/create-flag";
import { reviewFlag } from "@/lib/server/flags/review-flag";
import { addSourceReading } from "@/lib/server/sources/add-source-reading";
import { correctTranscription } from "@/lib/server/sources/correct-transcription";
import { closeSourcePool } from "@/lib/server/sources/source-pool";
import { startSourceWorker, stopSourceQueue } from "@/lib/server/sources/source-queue";
import type { SourceReadingInput } from "@/lib/validation/source-reading";
import { codeOf } from "../support/error-code";
import { characterErrorRate, GETTYSBURG } from "../support/source-fixtures";
import { makeUser } from "../support/world";

/*
 * Scans: a picture (or a PDF of pictures) is transcribed by tesseract.js in a
 * worker thread, as a queued job, with nothing downloaded; the words keep
 * their boxes and confidences. The teacher corrects the transcription (a new
 * revision, annotations re-anchor), and a student's "transcription error"
 * flag, verified, corrects it too, and is kept apart in the errata.
 */
const FIXTURES = path.resolve(__dirname, "../fixtures/sources");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
/** What the scans show: the address's first paragraph. */
const SOURCE = GETTYSBURG[0];

const meta: SourceReadingInput = {
  title: "The Gettysburg Address, scanned",
  author: "Abraham Lincoln",
  source: "A scan of a typeset copy",
  sourceUrl: "",
  retrieved: "2026-12-01",
  notes: "Public domain.",
  isShared: false,
  altText: "A typed page: the first paragraph of the Gettysburg Address.",
};

let teacher: { id: string };
let student: { id: string };
let classroomId: string;

async function settled(essayId: string, timeoutMs = 150_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await db.sourceJob.findFirstOrThrow({ where: { essayId }, orderBy: { createdAt: "desc" } });
    if (job.status === "done" || job.status === "failed") return job;
    if (Date.now() > until) throw new Error(`job ${job.id} still ${job.status} (${job.stage})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Uploads a scan and waits for its transcription: the reading, its text and geometry, and how long OCR took. */
async function transcribe(name: string, file: string) {
  const started = performance.now();
  const { essay } = await addSourceReading({ viewerId: teacher.id, input: { ...meta, title: name }, file: { name: file, bytes: fixture(file) } });
  const job = await settled(essay.id);
  const seconds = (performance.now() - started) / 1000;
  expect(job, job.message ?? "").toMatchObject({ status: "done", revisionNumber: 1 });
  const readable = (await findReadableEssay({ viewerId: teacher.id, slug: essay.slug }))!;
  return { essay, readable, geometry: readable.revision.geometry as SourceGeometry, seconds };
}

beforeAll(async () => {
  process.env.SOURCE_QUEUE_POLL_S = "1";
  teacher = await makeUser("Scan Teacher", "teacher");
  student = await makeUser("Scan Student");
  const classroom = await createClass({ viewerId: teacher.id, name: "Scans" });
  classroomId = classroom.id;
  await db.membership.create({ data: { userId: student.id, classroomId, role: "student" } });
  await startSourceWorker();
});

afterAll(async () => {
  await stopSourceQueue();
  await closeSourcePool();
});

describe("a scan, transcribed by OCR", () => {
  let essay: { id: string; slug: string };
  let assignmentId: string;
  let text: string;

  it("reads the clean scan with a character error rate of at most 3 %, each word with its box on the picture", async () => {
    const read = await transcribe("Clean scan", "gettysburg-scan.png");
    essay = read.essay;
    text = read.readable.revision.text;
    const cer = characterErrorRate(text, SOURCE);
    console.log(`[figures] OCR, clean scan (PNG, 2550×634 px): CER ${(cer * 100).toFixed(2)} %, ${read.seconds.toFixed(1)} s from upload to revision`);
    expect(cer).toBeLessThanOrEqual(0.03);
    expect(read.geometry.kind).toBe("image");
    expect(read.geometry.pages).toHaveLength(1);
    const page = read.geometry.pages[0];
    expect(page.imageFileId).toBeTruthy();
    // Word boxes lie on the picture, and cover the text they stand for.
    expect(read.geometry.runs.length).toBeGreaterThan(20);
    for (const run of read.geometry.runs) {
      expect(run.x).toBeGreaterThanOrEqual(0);
      expect(run.x + run.w).toBeLessThanOrEqual(page.width);
      expect(run.y + run.h).toBeLessThanOrEqual(page.height);
      expect(typeof run.c).toBe("number");
    }
    const word = read.geometry.runs.find((r) => text.slice(r.s, r.e) === "Liberty,");
    expect(word).toBeTruthy();
  });

  it("marks the words it is unsure of on the degraded scan, and reports its error rate", async () => {
    const read = await transcribe("Degraded scan", "gettysburg-scan-degraded.png");
    const cer = characterErrorRate(read.readable.revision.text, SOURCE);
    const unsure = read.geometry.runs.filter(isLowConfidence);
    console.log(`[figures] OCR, degraded scan (1.5°, 4 % speckles): CER ${(cer * 100).toFixed(2)} %, ${unsure.length} of ${read.geometry.runs.length} words marked unsure, ${read.seconds.toFixed(1)} s`);
    // Noisier than the clean scan, yet still the same paragraph.
    expect(cer).toBeLessThan(0.25);
    expect(read.readable.revision.text).toMatch(/seven years ago our fathers/);
    // The speckles make it unsure of some words, and those are the ones marked.
    expect(unsure.length).toBeGreaterThan(0);
  });

  it("reads a PDF with no text layer as a scan (its page drawn at 300 dpi, then OCR)", async () => {
    const read = await transcribe("Scanned PDF", "gettysburg-scan.pdf");
    const cer = characterErrorRate(read.readable.revision.text, SOURCE);
    console.log(`[figures] OCR, scanned PDF (1 page): CER ${(cer * 100).toFixed(2)} %, ${read.seconds.toFixed(1)} s`);
    expect(cer).toBeLessThanOrEqual(0.03);
    expect(read.geometry.pages).toHaveLength(1);
  });

  it("takes the teacher's correction as a new revision: annotations re-anchor, words keep their boxes", async () => {
    const assignment = await db.assignment.create({ data: { classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) } });
    assignmentId = assignment.id;
    const start = text.indexOf("new nation");
    expect(start).toBeGreaterThan(0);
    const span = describeSpan(text, start, start + "new nation".length);
    const created = await createAnnotation({
      viewerId: student.id,
      assignmentId,
      input: { id: crypto.randomUUID(), kind: "highlight", scope: "class", quote: { exact: span.quote.exact, prefix: span.quote.prefix ?? "", suffix: span.quote.suffix ?? "" }, position: span.position, tags: [] },
    });
    // Only the owner corrects, and only the revision they saw.
    expect(await codeOf(correctTranscription({ viewerId: student.id, essayId: essay.id, text: SOURCE, revision: 1 }))).toBe("not_found");
    expect(await codeOf(correctTranscription({ viewerId: teacher.id, essayId: essay.id, text: "", revision: 1 }))).toBe("invalid");
    const corrected = text.replace("Liberty", "LIBERTY");
    await correctTranscription({ viewerId: teacher.id, essayId: essay.id, text: corrected, revision: 1 });
    expect(await codeOf(correctTranscription({ viewerId: teacher.id, essayId: essay.id, text: SOURCE, revision: 1 }))).toBe("conflict");
    const readable = (await findReadableEssay({ viewerId: teacher.id, slug: essay.slug }))!;
    expect(readable.revision).toMatchObject({ number: 2, text: corrected });
    const geometry = readable.revision.geometry as SourceGeometry;
    const word = geometry.runs.find((r) => corrected.slice(r.s, r.e) === "LIBERTY,");
    expect(word, "the corrected word keeps its box").toBeTruthy();
    const list = await findAnnotations({ viewerId: student.id, assignmentId });
    const moved = list.annotations.find((a) => a.id === created.annotation.id)!;
    expect(moved.span).toBeTruthy();
    expect(corrected.slice(moved.span!.start, moved.span!.end)).toBe("new nation");
  });

  it("applies a verified transcription-error flag to the transcription, and the errata keep it apart from the source's errors", async () => {
    const current = (await findReadableEssay({ viewerId: teacher.id, slug: essay.slug }))!.revision.text;
    const at = current.indexOf("LIBERTY");
    const span = describeSpan(current, at, at + "LIBERTY".length);
    const flag = await createFlag({
      viewerId: student.id,
      assignmentId,
      input: {
        id: crypto.randomUUID(),
        scope: "class",
        quote: { exact: span.quote.exact, prefix: span.quote.prefix ?? "", suffix: span.quote.suffix ?? "" },
        position: span.position,
        category: "transcription",
        correction: "Liberty",
        rationale: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The scan shows Liberty, capital L only." }] }] },
        evidence: [],
        tags: [],
      },
    });
    await reviewFlag({ viewerId: teacher.id, annotationId: flag.annotation.id, input: { status: "verified", reason: "", correction: "Liberty", applyToTranscription: true } });
    const readable = (await findReadableEssay({ viewerId: teacher.id, slug: essay.slug }))!;
    expect(readable.revision.number).toBe(3);
    expect(readable.revision.text).toContain("conceived in Liberty");
    const errata = await findErrata({ viewerId: teacher.id, slug: essay.slug, assignmentId });
    // Corrected in the transcription now, so listed as already fixed, under its own category.
    expect([...errata.errata, ...errata.alreadyFixed].map((e) => [e.category, e.outcome])).toEqual([["transcription", "fixed_in_source"]]);
  });
});
