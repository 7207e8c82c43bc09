import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildFlagGroups } from "@/lib/review/flag-queue";
import { regionSpots } from "@/lib/review/region-heat";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { createClass } from "@/lib/server/classes/class-writes";
import { findReadableEssay } from "@/lib/server/essays/find-readable-essay";
import { exportAssignment, toDownloadDocument } from "@/lib/server/export/export-assignment";
import { importAnnotations } from "@/lib/server/export/import-annotations";
import { createFlag } from "@/lib/server/flags/create-flag";
import { mergeFlags } from "@/lib/server/flags/review-flag";
import { voteOnFlag } from "@/lib/server/flags/vote-on-flag";
import { addSourceReading, replaceSourceFile } from "@/lib/server/sources/add-source-reading";
import { closeSourcePool } from "@/lib/server/sources/source-pool";
import { startSourceWorker, stopSourceQueue } from "@/lib/server/sources/source-queue";
import type { SourceGeometry } from "@/lib/sources";
import type { Region } from "@/lib/sources/regions";
import { createAnnotationSchema } from "@/lib/validation/annotation";
import type { SourceReadingInput } from "@/lib/validation/source-reading";
import type { W3CAnnotation } from "@/lib/w3c";
import { findConformanceDir } from "../helpers/conformance";
import { loadMustValidator } from "../helpers/w3c-validator";
import { codeOf } from "../support/error-code";
import { makePosterPng, POSTER_CAPTION } from "../support/poster-fixture";
import { makeTextPdf } from "../support/source-fixtures";
import { makeUser } from "../support/world";

const BASE = "https://marginalia.test";
const ALT = "A red poster headed ALL POWER TO THE SOVIETS, a dark figure on the right, and the caption The Winter Palace, 1918.";
const meta: SourceReadingInput = {
  title: "All power to the Soviets",
  author: "Unknown artist",
  source: "A poster, redrawn for the tests",
  sourceUrl: "",
  retrieved: "2026-12-07",
  notes: "Made up for the tests.",
  isShared: false,
  altText: ALT,
  pictureUse: "annotate",
};
const figure: Region = { type: "polygon", points: [[760, 200], [980, 230], [940, 600], [740, 580]] };
const rationale = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The palace was stormed in 1917." }] }] };
const comment = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

let teacher: { id: string };
let ana: { id: string };
let ben: { id: string };
let classroomId: string;
let essay: { id: string; slug: string };
let assignmentId: string;
let poster: Uint8Array;

async function settled(essayId: string) {
  const until = Date.now() + 60_000;
  for (;;) {
    const job = await db.sourceJob.findFirstOrThrow({ where: { essayId }, orderBy: { createdAt: "desc" } });
    if (job.status === "done" || job.status === "failed") return job;
    if (Date.now() > until) throw new Error(`job ${job.id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const regionInput = (region: unknown, kind: "highlight" | "comment" = "comment", body?: unknown) => ({
  id: crypto.randomUUID(),
  kind,
  scope: "class" as const,
  region: region as Region,
  tags: [],
  ...(body ? { body } : {}),
});

beforeAll(async () => {
  process.env.SOURCE_QUEUE_POLL_S = "1";
  teacher = await makeUser("Picture Teacher", "teacher");
  ana = await makeUser("Ana Picture");
  ben = await makeUser("Ben Picture");
  classroomId = (await createClass({ viewerId: teacher.id, name: "Pictures" })).id;
  await db.membership.createMany({ data: [ana, ben].map((s) => ({ userId: s.id, classroomId, role: "student" as const })) });
  poster = await makePosterPng();
  await startSourceWorker();
});

afterAll(async () => {
  await stopSourceQueue();
  await closeSourcePool();
});

describe("a picture uploaded to annotate as a picture", () => {
  it("is read without OCR: its text is its description, its one page the picture", async () => {
    ({ essay } = await addSourceReading({ viewerId: teacher.id, input: meta, file: { name: "poster.png", bytes: poster } }));
    const job = await settled(essay.id);
    expect(job).toMatchObject({ status: "done", revisionNumber: 1 });
    const readable = await findReadableEssay({ viewerId: teacher.id, slug: essay.slug });
    expect(readable?.sourceKind).toBe("image");
    expect(readable?.revision.text).toBe(ALT);
    const geometry = readable?.revision.geometry as SourceGeometry;
    expect(geometry).toMatchObject({ kind: "image", runs: [], pages: [{ width: 1200, height: 800 }] });
    expect(geometry.pages[0].imageFileId).toBeTruthy();
    // Classmates' flags shown from the start, so the votes below need no flag of the voter's own first.
    assignmentId = (await db.assignment.create({ data: { classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000), peerFlagVisibility: "always" } })).id;
  });

  it("is refused without its description, as a PDF, and cannot be replaced by another picture", async () => {
    const noAlt = addSourceReading({ viewerId: teacher.id, input: { ...meta, altText: "" }, file: { name: "p.png", bytes: poster } });
    await expect(noAlt).rejects.toThrow(/Describe the picture/);
    const pdf = addSourceReading({ viewerId: teacher.id, input: meta, file: { name: "p.pdf", bytes: await makeTextPdf([["A page."]]) } });
    await expect(pdf).rejects.toThrow(/A PDF is read as text/);
    const replaced = replaceSourceFile({ viewerId: teacher.id, essayId: essay.id, file: { name: "other.png", bytes: poster } });
    await expect(replaced).rejects.toThrow(/cannot be replaced/);
  });
});

describe("regions", () => {
  let captionFlag: string;

  it("take a comment, a highlight and a flag, rectangles and polygons, as text passages do", async () => {
    const commented = await createAnnotation({ viewerId: ana.id, assignmentId, input: regionInput(POSTER_CAPTION, "comment", comment("Which palace?")) });
    expect(commented.annotation).toMatchObject({ kind: "comment", span: null, region: POSTER_CAPTION, anchorStatus: "anchored" });
    await createAnnotation({ viewerId: ben.id, assignmentId, input: regionInput(figure, "highlight") });
    const flagged = await createFlag({
      viewerId: ben.id,
      assignmentId,
      input: { id: crypto.randomUUID(), scope: "class", region: { ...POSTER_CAPTION, x: 110 }, category: "date_number", correction: "1917", rationale, evidence: [], tags: [] },
    });
    captionFlag = flagged.annotation.id;
    expect(flagged.annotation).toMatchObject({ kind: "flag", region: { type: "rect", x: 110 }, flag: { correction: "1917", status: "open" } });
    // Classmates see them through the one visibility rule, and vote as on any flag.
    const seen = await findAnnotations({ viewerId: ana.id, assignmentId });
    expect(seen.annotations.map((a) => a.region?.type).sort()).toEqual(["polygon", "rect", "rect"]);
    await voteOnFlag({ viewerId: ana.id, annotationId: captionFlag, value: "agree" });
    // A private one stays its author's.
    await createAnnotation({ viewerId: ana.id, assignmentId, input: { ...regionInput({ type: "rect", x: 10, y: 10, w: 50, h: 50 }, "highlight"), scope: "private" } });
    expect((await findAnnotations({ viewerId: ben.id, assignmentId })).annotations).toHaveLength(3);
  });

  it("are refused with a sentence when outside the picture, too small, or not a region at all", async () => {
    const refused = async (region: unknown) => {
      const parsed = createAnnotationSchema.safeParse(regionInput(region));
      if (!parsed.success) return parsed.error.issues[0].message;
      try {
        await createAnnotation({ viewerId: ana.id, assignmentId, input: parsed.data });
        return "accepted";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(await refused({ type: "rect", x: 1100, y: 10, w: 300, h: 50 })).toMatch(/inside the picture \(1200 × 800 pixels\)/);
    expect(await refused({ type: "rect", x: 10, y: 10, w: 2, h: 2 })).toMatch(/at least 4 pixels/);
    expect(await refused({ type: "rect", x: "10", y: 10, w: 20, h: 20 })).toMatch(/must be numbers/);
    expect(await refused({ type: "polygon", points: Array.from({ length: 101 }, (_, i) => [i, i % 9]) })).toMatch(/at most 100 corners/);
    expect(await refused({ type: "polygon", points: [[1, 1], [2, 2]] })).toMatch(/at least 3 corners/);
    expect(await refused({ type: "svg", value: "<svg onload=alert(1)>" })).toMatch(/rectangle .* or a polygon/);
    // Words on a picture, or a region on a text, are refused too.
    const words = createAnnotation({
      viewerId: ana.id,
      assignmentId,
      input: { id: crypto.randomUUID(), kind: "highlight", scope: "class", quote: { exact: "red poster", prefix: "", suffix: "" }, position: { start: 2, end: 12 }, tags: [] },
    });
    await expect(words).rejects.toThrow(/mark a region on it/);
    expect(await db.annotation.count({ where: { assignmentId } })).toBe(4);
  });

  it("reach the teacher's queue as their own findings and the heatmap as spots counted by student", async () => {
    const list = await findAnnotations({ viewerId: teacher.id, assignmentId });
    const groups = buildFlagGroups(list.annotations, { status: "all", category: "all" });
    expect(groups).toHaveLength(1);
    expect(groups[0].flags[0]).toMatchObject({ id: captionFlag, flag: { votes: { agree: 1 } } });
    // Ana's comment and Ben's flag cover nearly the same caption: one spot of two students; Ben's figure is another (Ana's private one is hers alone).
    const spots = regionSpots(list.annotations, "all");
    expect(spots.map((s) => s.count)).toEqual([2, 1]);
    expect(spots[0].students.map((s) => s.name)).toEqual(["Ana Picture", "Ben Picture"]);
    expect(regionSpots(list.annotations, "flag").map((s) => s.count)).toEqual([1]);
    // A flag on another region with the same correction is another finding: the API will not merge them.
    const other = await createFlag({
      viewerId: ana.id,
      assignmentId,
      input: { id: crypto.randomUUID(), scope: "class", region: figure, category: "date_number", correction: "1917", rationale, evidence: [], tags: [] },
    });
    expect(await codeOf(mergeFlags({ viewerId: teacher.id, annotationId: other.annotation.id, intoId: captionFlag }))).toBe("invalid");
  });

  it("export as xywh= and SvgSelector, pass the MUST schemas, and import back as the same regions", async () => {
    const { collection, page } = await exportAssignment({ viewerId: teacher.id, assignmentId, baseUrl: BASE, isDownload: true, page: 0 });
    const file = JSON.parse(JSON.stringify(toDownloadDocument(collection, page))) as { first: { items: W3CAnnotation[] } };
    const selectors = file.first.items.map((item) => (item.target as { selector: { type: string; value: string; conformsTo?: string }[] }).selector);
    expect(selectors.every((s) => s.length === 1)).toBe(true);
    expect(selectors.map((s) => s[0].type).sort()).toEqual(["FragmentSelector", "FragmentSelector", "SvgSelector", "SvgSelector"]);
    expect(selectors.flat()).toContainEqual({ type: "FragmentSelector", conformsTo: "http://www.w3.org/TR/media-frags/", value: "xywh=pixel:100,620,600,110" });
    const dir = findConformanceDir();
    if (dir) {
      const musts = loadMustValidator(dir);
      for (const item of file.first.items) expect(musts(item).failures).toEqual([]);
    }
    const other = await db.assignment.create({ data: { classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) } });
    const summary = await importAnnotations({ viewerId: teacher.id, assignmentId: other.id, baseUrl: BASE, json: file });
    expect(summary.orphanQuotes).toEqual([]);
    const before = (await findAnnotations({ viewerId: teacher.id, assignmentId })).annotations;
    const after = (await findAnnotations({ viewerId: teacher.id, assignmentId: other.id })).annotations;
    const key = (a: { kind: string; region?: Region | null }) => `${a.kind} ${JSON.stringify(a.region)}`;
    expect(after.map(key).sort()).toEqual(before.filter((a) => a.scope !== "private").map(key).sort());
    // A region of another picture, or outside this one, is refused with a sentence; nothing is written.
    const bad = structuredClone(file);
    (bad.first.items[0].target as { selector: unknown }).selector = { type: "SvgSelector", value: '<svg><polygon points="1,1 5000,5 1,5"/></svg>' };
    await expect(importAnnotations({ viewerId: teacher.id, assignmentId: other.id, baseUrl: BASE, json: bad })).rejects.toThrow(/inside the picture.*Nothing was imported/);
    (bad.first.items[0].target as { selector: unknown }).selector = { type: "SvgSelector", value: '<svg><polygon points="1,1 50,5 1,50"/><script>alert(1)</script></svg>' };
    await expect(importAnnotations({ viewerId: teacher.id, assignmentId: other.id, baseUrl: BASE, json: bad })).rejects.toThrow(/not one polygon/);
  });
});
