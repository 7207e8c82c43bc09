import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { plainTextOfUnknown } from "@/lib/rich-text";
import { exportAssignment, toDownloadDocument } from "@/lib/server/export/export-assignment";
import { importAnnotations } from "@/lib/server/export/import-annotations";
import type { W3CAnnotation } from "@/lib/w3c";
import { deriveImportId } from "@/lib/w3c/import-id";
import { findConformanceDir, suiteTitle } from "../helpers/conformance";
import { COLLECTION_MUSTS, loadMustValidator, modelDir, PAGE_MUSTS, readSample, type MustValidator } from "../helpers/w3c-validator";
import { PRIVATE_WORDS, seedClassReading } from "../support/export-fixtures";
import { makeWorld } from "../support/world";
import { AppError } from "@/lib/errors";
import { codeOf } from "../support/error-code";

const BASE = "https://marginalia.test";
let world: Awaited<ReturnType<typeof makeWorld>>;
let seeded: Awaited<ReturnType<typeof seedClassReading>>;


/** Teacher A's download of assignment A, as JSON text would carry it. */
async function downloadA() {
  const { collection, page } = await exportAssignment({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, baseUrl: BASE, isDownload: true, page: 0 });
  return JSON.parse(JSON.stringify(toDownloadDocument(collection, page))) as { total: number; first: { items: W3CAnnotation[] } };
}

const rowCounts = async () =>
  Promise.all([db.annotation.count(), db.reply.count(), db.flag.count(), db.auditEvent.count(), db.changeEvent.count()]);

/** A fresh assignment of class B on the same essay, for imports that must not disturb the round trip. */
const newAssignmentB = () => db.assignment.create({ data: { classroomId: world.assignmentB.classroomId, essayId: world.essay.id, dueAt: new Date(Date.now() + 86_400_000) } });

beforeAll(async () => {
  world = await makeWorld();
  seeded = await seedClassReading(world);
  // Ana is in both classes: her work still becomes the importing teacher's, marked imported, in class B.
  await db.membership.create({ data: { userId: world.users.ana.id, classroomId: world.assignmentB.classroomId, role: "student" } });
});

describe("export", () => {
  it("exports what the teacher may share: no private note, no deleted comment, replies after their parent", async () => {
    const { first, total } = await downloadA();
    const ids = first.items.map((a) => a.id);
    const iri = (id: string) => `${BASE}/annotations/${id}`;
    expect(total).toBe(first.items.length);
    expect(JSON.stringify(first)).not.toContain(PRIVATE_WORDS);
    expect(ids).not.toContain(iri(seeded.privateNote.id));
    expect(ids).not.toContain(iri(seeded.deleted.id));
    for (const kept of [seeded.comment, seeded.highlight, seeded.corrected, seeded.assessed, seeded.teachersOnly, seeded.hidden]) {
      expect(ids).toContain(iri(kept.id));
    }
    expect(first.items).toHaveLength(6 + seeded.replies.length);
    for (const reply of seeded.replies) {
      const item = first.items.find((a) => a.id === iri(reply.id));
      expect(item).toMatchObject({ motivation: "replying", target: iri(reply.annotationId) });
      expect(ids.indexOf(iri(reply.id))).toBeGreaterThan(ids.indexOf(iri(reply.annotationId)));
    }
    const byId = (id: string) => first.items.find((a) => a.id === iri(id)) as W3CAnnotation & { audience?: unknown };
    expect(byId(seeded.corrected.id).motivation).toBe("editing");
    expect(byId(seeded.assessed.id).motivation).toBe("assessing");
    expect(byId(seeded.teachersOnly.id).audience).toBeDefined();
    expect(byId(seeded.hidden.id).audience).toBeDefined();
    expect(byId(seeded.comment.id).audience).toBeUndefined();
    expect(byId(seeded.comment.id).creator.id).toBe(`${BASE}/users/${world.users.ana.id}`);
    const target = byId(seeded.comment.id).target as { source: string };
    expect(target.source).toBe(`${BASE}/essays/${world.essay.slug}?revision=${world.revision.id}`);
  });

  it("pages the collection and answers not_found past the last page", async () => {
    const options = { viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, baseUrl: BASE, pageSize: 4 };
    const { collection, page } = await exportAssignment(options);
    expect(page).toBeNull();
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: 9, first: `${collection.id}?page=0`, last: `${collection.id}?page=2` });
    const last = await exportAssignment({ ...options, page: 2 });
    expect(last.page).toMatchObject({ startIndex: 8, prev: `${collection.id}?page=1` });
    expect(last.page?.items).toHaveLength(1);
    expect(await codeOf(exportAssignment({ ...options, page: 3 }))).toBe("not_found");
  });

  it("answers not_found to students and to teachers of other classes", async () => {
    for (const viewer of [world.users.ana, world.users.ben, world.users.otherTeacher, world.users.outsider]) {
      const options = { viewerId: viewer.id, assignmentId: world.assignmentA.id, baseUrl: BASE };
      expect(await codeOf(exportAssignment(options))).toBe("not_found");
      expect(await codeOf(importAnnotations({ ...options, json: await downloadA() }))).toBe("not_found");
    }
  });
});

const dir = findConformanceDir();

describe.skipIf(!dir)(suiteTitle("export against the W3C MUST schemas"), () => {
  // Loaded in beforeAll, not while collecting: a skipped suite's body still runs, and must not read a missing folder.
  const root = dir ?? "";
  let annotationMusts: MustValidator;
  let collectionMusts: MustValidator;
  let pageMusts: MustValidator;
  beforeAll(() => {
    annotationMusts = loadMustValidator(root);
    collectionMusts = loadMustValidator(root, COLLECTION_MUSTS);
    pageMusts = loadMustValidator(root, PAGE_MUSTS);
  });

  it("every exported annotation passes the 54 annotation MUSTs; collection and pages pass theirs", async () => {
    expect(annotationMusts.schemaCount).toBe(54);
    const options = { viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, baseUrl: BASE, pageSize: 4 };
    const { collection } = await exportAssignment(options);
    expect(collectionMusts(collection).failures).toEqual([]);
    let checked = 0;
    for (let n = 0; n < 3; n++) {
      const { page } = await exportAssignment({ ...options, page: n });
      expect(pageMusts(page).failures).toEqual([]);
      for (const item of page?.items ?? []) {
        expect(annotationMusts(item).failures, item.id).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBe(collection.total);
    const download = await downloadA();
    expect(collectionMusts(download).failures).toEqual([]);
    expect(pageMusts(download).failures).toEqual([]);
  });

  it("the our-shape/invalid samples fail them", () => {
    const folder = path.join(modelDir(root), "our-shape/invalid");
    const files = readdirSync(folder).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(annotationMusts(readSample(path.join(folder, file))).ok, file).toBe(false);
  });
});

describe("import", () => {
  it("round-trips an export into another class's assignment on the same essay", async () => {
    const file = await downloadA();
    const startedAt = Date.now();
    const summary = await importAnnotations({ viewerId: world.users.otherTeacher.id, assignmentId: world.assignmentB.id, json: file, baseUrl: BASE });
    expect(summary).toEqual({ imported: 6, replies: 3, orphans: 0, skippedDuplicates: 0, unattachedReplies: 0, orphanQuotes: [] });

    const newId = (id: string) => deriveImportId({ assignmentId: world.assignmentB.id, iri: `${BASE}/annotations/${id}` });
    const sources = await db.annotation.findMany({ where: { assignmentId: world.assignmentA.id, deletedAt: null, scope: { not: "private" } }, include: { flag: true, replies: true } });
    const names = new Map(Object.values(world.users).map((u) => [u.id, u.name]));
    for (const a of sources) {
      const b = await db.annotation.findUniqueOrThrow({ where: { id: newId(a.id) }, include: { flag: true, replies: true } });
      expect(b.assignmentId).toBe(world.assignmentB.id);
      const pick = (r: typeof a) => [r.kind, r.exact, r.prefix, r.suffix, r.startCp, r.endCp, r.anchorStatus, plainTextOfUnknown(r.body)];
      expect(pick(b)).toEqual(pick(a));
      // Nobody's own work, whatever the file's creator: the importer's, with the original as provenance.
      expect(b.authorId).toBe(world.users.otherTeacher.id);
      expect([b.originalCreatorName, b.originalCreated]).toEqual([names.get(a.authorId), a.createdAt]);
      expect(b.importedAt?.getTime()).toBeGreaterThanOrEqual(startedAt);
      expect(b.createdAt.getTime()).toBeGreaterThanOrEqual(startedAt);
      expect(b.tags).toEqual(a.tags);
      expect(b.scope).toBe(a.scope === "teachers" || a.hiddenAt ? "teachers" : "class");
      expect([b.flag?.category, b.flag?.correction, plainTextOfUnknown(b.flag?.rationale)]).toEqual([a.flag?.category, a.flag?.correction, plainTextOfUnknown(a.flag?.rationale)]);
      expect(b.replies.map((r) => r.id).sort()).toEqual(a.replies.map((r) => newId(r.id)).sort());
      for (const r of a.replies) {
        const copy = b.replies.find((x) => x.id === newId(r.id));
        expect([copy?.authorId, copy?.originalCreatorName, copy?.originalCreated]).toEqual([world.users.otherTeacher.id, names.get(r.authorId), r.createdAt]);
        expect(copy?.importedAt).not.toBeNull();
        expect(plainTextOfUnknown(copy?.body)).toBe(plainTextOfUnknown(r.body));
      }
    }
    const audit = await db.auditEvent.findFirst({ where: { entityId: newId(seeded.corrected.id) } });
    expect(audit).toMatchObject({ action: "imported", actorId: world.users.otherTeacher.id, toState: "open" });
  });

  it("importing the same file twice adds nothing the second time, and no change event", async () => {
    const before = await rowCounts();
    const again = await importAnnotations({ viewerId: world.users.otherTeacher.id, assignmentId: world.assignmentB.id, json: await downloadA(), baseUrl: BASE });
    expect(again).toMatchObject({ imported: 0, replies: 0, skippedDuplicates: 9, orphans: 0 });
    expect(await rowCounts()).toEqual(before);
  });

  it("recognises an assignment's own export as already there", async () => {
    const own = await importAnnotations({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, json: await downloadA(), baseUrl: BASE });
    expect(own).toMatchObject({ imported: 0, replies: 0, skippedDuplicates: 9 });
  });

  it("never attaches a reply to a thread the teacher cannot see, such as a student's private note", async () => {
    const reply = { "@context": "http://www.w3.org/ns/anno.jsonld", id: "https://elsewhere.example/r/1", type: "Annotation", motivation: "replying", bodyValue: "Peeking.", target: `${BASE}/annotations/${seeded.privateNote.id}` };
    const summary = await importAnnotations({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, json: reply, baseUrl: BASE });
    expect(summary).toMatchObject({ replies: 0, unattachedReplies: 1 });
    expect(await db.reply.count({ where: { annotationId: seeded.privateNote.id } })).toBe(0);
  });

  it("refuses a malformed file, naming the item, and writes nothing", async () => {
    const { first } = await downloadA();
    const broken = { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationPage", items: [first.items[0], first.items[1], { type: "Annotation", id: "https://elsewhere.example/a/3" }] };
    const target = await newAssignmentB();
    const before = await rowCounts();
    const error = await importAnnotations({ viewerId: world.users.otherTeacher.id, assignmentId: target.id, json: broken, baseUrl: BASE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    expect((error as AppError).message).toMatch(/^Item 3: .*target/);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a file nested 100,000 levels deep with a sentence, and writes nothing", async () => {
    const { first } = await downloadA();
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    // Other tools add properties of their own; an item without an id is known by a hash of its JSON.
    const file = { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationPage", items: [first.items[0], { ...first.items[1], id: undefined, "x:extension": deep }] };
    const target = await newAssignmentB();
    const before = await rowCounts();
    const error = await importAnnotations({ viewerId: world.users.otherTeacher.id, assignmentId: target.id, json: file, baseUrl: BASE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect([(error as AppError).code, (error as AppError).message]).toEqual(["invalid", expect.stringMatching(/nested more than \d+ levels deep/)]);
    expect(await rowCounts()).toEqual(before);
  });

  it("reports an orphan (quote not in the text) and a reply to it, and imports a Hypothesis note once", async () => {
    const target = await newAssignmentB();
    const context = "http://www.w3.org/ns/anno.jsonld";
    const orphan = {
      "@context": context,
      id: "https://elsewhere.example/annotations/orphan-1",
      type: "Annotation",
      motivation: "commenting",
      body: { type: "TextualBody", value: "Where is this?", format: "text/plain" },
      target: { source: "https://elsewhere.example/essay", selector: [{ type: "TextQuoteSelector", exact: "the Tsar abdicated in a snowstorm" }, { type: "TextPositionSelector", start: 90000, end: 90031 }] },
    };
    const hypothesis = {
      "@context": context,
      id: "https://hyp.is/Xy12/example.org/destalinization",
      type: "Annotation",
      creator: "acct:historian42@hypothes.is",
      body: [{ type: "TextualBody", value: "Check **this** date.", format: "text/markdown" }, { type: "TextualBody", value: "#chronology", purpose: "tagging" }],
      target: [{ source: "https://example.org/destalinization", selector: [{ type: "RangeSelector", startContainer: "/p[3]", endContainer: "/p[3]", startOffset: 3, endOffset: 7 }, { type: "TextQuoteSelector", exact: "1995", prefix: "In ", suffix: " the central" }] }],
    };
    const reply = (id: string, parent: string) => ({ "@context": context, id, type: "Annotation", motivation: "replying", bodyValue: "Agreed.", target: parent });
    const file = [orphan, hypothesis, hypothesis, reply("https://hyp.is/r1", hypothesis.id), reply("https://hyp.is/r2", orphan.id)];
    const summary = await importAnnotations({ viewerId: world.users.otherTeacher.id, assignmentId: target.id, json: file, baseUrl: BASE });
    expect(summary).toEqual({ imported: 1, replies: 1, orphans: 1, skippedDuplicates: 1, unattachedReplies: 1, orphanQuotes: ["the Tsar abdicated in a snowstorm"] });
    const rows = await db.annotation.findMany({ where: { assignmentId: target.id } });
    expect(rows.map((r) => [r.exact, r.authorId, r.tags, r.originalCreatorName])).toEqual([["1995", world.users.otherTeacher.id, ["chronology"], "historian42"]]);
  });
});
