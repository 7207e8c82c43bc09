import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CODES } from "@/lib/annotations/highlight-codes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { exportAssignment, toDownloadDocument } from "@/lib/server/export/export-assignment";
import { importAnnotations } from "@/lib/server/export/import-annotations";
import { findHighlightCodes } from "@/lib/server/highlight-codes/find-highlight-codes";
import { saveHighlightCodes } from "@/lib/server/highlight-codes/save-highlight-codes";
import { parseInput } from "@/lib/server/http/api-route";
import { isForeignKeyViolation } from "@/lib/server/db-errors";
import { findStudentTable } from "@/lib/server/review/find-student-table";
import { studentTableCsv } from "@/lib/review/student-table";
import { saveHighlightCodesSchema } from "@/lib/validation/highlight-codes";
import { createAnnotationSchema, updateAnnotationSchema } from "@/lib/validation/annotation";
import type { W3CAnnotation } from "@/lib/w3c";
import { deriveImportId } from "@/lib/w3c/import-id";
import { findConformanceDir } from "../helpers/conformance";
import { loadMustValidator } from "../helpers/w3c-validator";
import { codeOf } from "../support/error-code";
import { makeWorld, select } from "../support/world";

const BASE = "https://marginalia.test";
let world: Awaited<ReturnType<typeof makeWorld>>;
let classA: string;
let classB: string;

const save = (viewerId: string, classroomId: string, codes: unknown) =>
  saveHighlightCodes({ viewerId, classroomId, input: parseInput(saveHighlightCodesSchema, { codes }) });

/** A highlight as the reader sends it (through the route's schema), on the first occurrence of `words`. */
function highlight(viewerId: string, words: string, extra: Record<string, unknown> = {}) {
  const input = parseInput(createAnnotationSchema, { id: randomUUID(), kind: "highlight", scope: "class", ...select(world.revision.text, words), ...extra });
  return createAnnotation({ viewerId, assignmentId: world.assignmentA.id, input });
}

/** The sentence a refused input gets. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.message}`;
    throw error;
  }
  return "accepted";
}

beforeAll(async () => {
  world = await makeWorld();
  classA = world.assignmentA.classroomId;
  classB = world.assignmentB.classroomId;
});

describe("managing a class's codes", () => {
  it("lets the class's teacher save the default set, which every member reads in key order", async () => {
    const { codes } = await save(world.users.teacher.id, classA, DEFAULT_CODES);
    expect(codes.map((c) => [c.position, c.label, c.colour, c.cue])).toEqual(DEFAULT_CODES.map((c, i) => [i, c.label, c.colour, c.cue]));
    expect(await findHighlightCodes({ viewerId: world.users.ana.id, classroomId: classA })).toEqual(codes);
    expect((await findAnnotations({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id })).codes).toEqual(codes);
  });

  it("answers 404 to students, to other classes' teachers and students, for reading others' codes or saving", async () => {
    expect(await codeOf(save(world.users.ana.id, classA, DEFAULT_CODES))).toBe("not_found");
    expect(await codeOf(save(world.users.otherTeacher.id, classA, DEFAULT_CODES))).toBe("not_found");
    expect(await codeOf(findHighlightCodes({ viewerId: world.users.outsider.id, classroomId: classA }))).toBe("not_found");
    expect(await codeOf(findHighlightCodes({ viewerId: world.users.otherTeacher.id, classroomId: classA }))).toBe("not_found");
    expect((await findHighlightCodes({ viewerId: world.users.teacher.id, classroomId: classA })).map((c) => c.label)).toEqual(["Claim", "Evidence", "Bias", "Question"]);
  });

  it("refuses bad lists with a sentence (422): ten codes, a repeated name or shape, an unknown colour, an empty name", () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ label: `Code ${i}`, colour: "orange", cue: "circle" }));
    expect(messageOf(() => parseInput(saveHighlightCodesSchema, { codes: ten }))).toMatch(/^422 A class can have at most 9 codes/);
    const twice = [DEFAULT_CODES[0], { ...DEFAULT_CODES[1], label: "claim" }];
    expect(messageOf(() => parseInput(saveHighlightCodesSchema, { codes: twice }))).toMatch(/^422 Two codes are called “Claim”/);
    const sameShape = [DEFAULT_CODES[0], { ...DEFAULT_CODES[1], cue: "circle" }];
    expect(messageOf(() => parseInput(saveHighlightCodesSchema, { codes: sameShape }))).toMatch(/^422 Two codes have the circle shape/);
    expect(messageOf(() => parseInput(saveHighlightCodesSchema, { codes: [{ label: "Claim", colour: "red", cue: "circle" }] }))).toMatch(/^422 Choose a colour of the palette/);
    expect(messageOf(() => parseInput(saveHighlightCodesSchema, { codes: [{ label: "  ", colour: "orange", cue: "circle" }] }))).toBe("422 Give each code a name.");
    expect(messageOf(() => parseInput(saveHighlightCodesSchema, { codes: "claim" }))).toBe("422 Send the list of codes.");
  });
});

describe("coded highlights", () => {
  it("makes a coded highlight, which classmates see as any class highlight and nobody sees when private", async () => {
    const [claim] = await findHighlightCodes({ viewerId: world.users.teacher.id, classroomId: classA });
    const { annotation } = await highlight(world.users.ana.id, "Khrushchev", { codeId: claim.id });
    expect(annotation.codeId).toBe(claim.id);
    const seenByBen = (await findAnnotations({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id })).annotations.find((a) => a.id === annotation.id);
    expect(seenByBen?.codeId).toBe(claim.id);

    const { annotation: privateOne } = await highlight(world.users.ana.id, "Stalin", { codeId: claim.id, scope: "private" });
    for (const viewer of [world.users.ben, world.users.teacher]) {
      const ids = (await findAnnotations({ viewerId: viewer.id, assignmentId: world.assignmentA.id })).annotations.map((a) => a.id);
      expect(ids).not.toContain(privateOne.id);
    }
  });

  it("refuses another class's code or an unknown one with a sentence, and writes nothing", async () => {
    const { codes: other } = await save(world.users.otherTeacher.id, classB, [{ label: "Claim", colour: "green", cue: "star" }]);
    const before = await db.annotation.count();
    for (const codeId of [other[0].id, "no-such-code"]) {
      await expect(highlight(world.users.ana.id, "speech", { codeId })).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/^That highlight code is not one of this class's codes/) });
    }
    expect(await db.annotation.count()).toBe(before);
  });

  it("lets the author change and clear the code of their own highlight, and nobody else", async () => {
    const [claim, evidence] = await findHighlightCodes({ viewerId: world.users.teacher.id, classroomId: classA });
    const { annotation } = await highlight(world.users.ben.id, "Soviet", { codeId: claim.id });
    const changed = await updateAnnotation({ viewerId: world.users.ben.id, annotationId: annotation.id, input: parseInput(updateAnnotationSchema, { version: 1, codeId: evidence.id }) });
    expect([changed.codeId, changed.version]).toEqual([evidence.id, 2]);
    expect(await codeOf(updateAnnotation({ viewerId: world.users.ana.id, annotationId: annotation.id, input: { version: 2, codeId: claim.id } }))).toBe("forbidden");
    const cleared = await updateAnnotation({ viewerId: world.users.ben.id, annotationId: annotation.id, input: parseInput(updateAnnotationSchema, { version: 2, codeId: null }) });
    expect(cleared.codeId).toBeNull();
    expect(messageOf(() => parseInput(updateAnnotationSchema, { version: 3, codeId: 5 }))).toBe("422 A highlight code is named by its id, or null for none.");
  });

  it("keeps highlights' codes through a rename and reorder, and uncodes the highlights of a removed code", async () => {
    const codes = await findHighlightCodes({ viewerId: world.users.teacher.id, classroomId: classA });
    const [claim, evidence, bias] = codes;
    const { annotation } = await highlight(world.users.ben.id, "secret", { codeId: bias.id });
    // Claim and Evidence swap names and places; Bias is removed; a new code comes last.
    const { codes: after, uncoded } = await save(world.users.teacher.id, classA, [
      { ...evidence, label: "Claim" },
      { ...claim, label: "Evidence" },
      { label: "Context", colour: "purple", cue: "star" },
    ]);
    expect(uncoded).toBe(1);
    expect(after.map((c) => [c.id, c.label, c.position])).toEqual([
      [evidence.id, "Claim", 0],
      [claim.id, "Evidence", 1],
      [after[2].id, "Context", 2],
    ]);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).codeId).toBeNull();
    // Ana's first highlight keeps its code row, now called "Evidence".
    const anas = await db.annotation.findFirstOrThrow({ where: { authorId: world.users.ana.id, exact: "Khrushchev" } });
    expect(anas.codeId).toBe(claim.id);
    // Every open reader of the class is told to reload.
    const reload = await db.changeEvent.findFirst({ where: { assignmentId: world.assignmentA.id, entityId: "*" }, orderBy: { id: "desc" } });
    expect(reload?.actorId).toBe(world.users.teacher.id);
    // A list naming a code removed meanwhile is a conflict, not a silent re-creation.
    expect(await codeOf(save(world.users.teacher.id, classA, [{ ...bias }]))).toBe("conflict");
  });
});

describe("a code removed mid-write", () => {
  it("is recognised as a missing code by the raw insert and the query builder alike (answered 422/409, not 500)", async () => {
    const anas = await db.annotation.findFirstOrThrow({ where: { authorId: world.users.ana.id, exact: "Khrushchev" } });
    const viaBuilder = await db.annotation.update({ where: { id: anas.id }, data: { codeId: "gone" } }).catch((e: unknown) => e);
    expect(isForeignKeyViolation(viaBuilder)).toBe(true);
    const viaRaw = await db.$executeRaw`update annotations set "codeId" = ${"gone"} where id = ${anas.id}`.catch((e: unknown) => e);
    expect(isForeignKeyViolation(viaRaw)).toBe(true);
    expect(isForeignKeyViolation(new Error("other"))).toBe(false);
  });
});

describe("what the teacher gets out", () => {
  it("counts each student's marks per code in the students CSV, a column per code in key order", async () => {
    const codes = await findHighlightCodes({ viewerId: world.users.teacher.id, classroomId: classA });
    await highlight(world.users.ben.id, "Khrushchev", { codeId: codes[2].id });
    await highlight(world.users.ben.id, "Stalin", { codeId: codes[2].id });
    const table = await findStudentTable({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    const lines = studentTableCsv(table).split("\r\n");
    expect(lines[0].split(",").slice(-3)).toEqual(["Code: Claim", "Code: Evidence", "Code: Context"]);
    const row = (name: string) => lines.find((l) => l.startsWith(name))!.split(",").slice(-3);
    // Ana: one class highlight coded Evidence (her private one is not the teacher's to count); Ben: two Context.
    expect(row("Ana")).toEqual(["0", "1", "0"]);
    expect(row("Ben")).toEqual(["0", "0", "2"]);
  });

  it("exports a coded highlight with a classifying body that passes the MUSTs, and imports it back by label or as a tag", async () => {
    const { collection, page } = await exportAssignment({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id, baseUrl: BASE, isDownload: true, page: 0 });
    const file = JSON.parse(JSON.stringify(toDownloadDocument(collection, page))) as { first: { items: W3CAnnotation[] } };
    const anas = await db.annotation.findFirstOrThrow({ where: { authorId: world.users.ana.id, exact: "Khrushchev" } });
    const exported = file.first.items.find((i) => i.id === `${BASE}/annotations/${anas.id}`)!;
    expect(exported.motivation).toBe("highlighting");
    expect(exported.body).toEqual([{ type: "TextualBody", value: "Evidence", format: "text/plain", purpose: "classifying" }]);
    const dir = findConformanceDir();
    if (dir) expect(loadMustValidator(dir)(exported).failures).toEqual([]);

    // Class B has a "Claim" code but no "Evidence" or "Context": those become tags.
    const [claimB] = await findHighlightCodes({ viewerId: world.users.otherTeacher.id, classroomId: classB });
    await save(world.users.otherTeacher.id, classB, [{ ...claimB, label: "Evidence" }]);
    const summary = await importAnnotations({ viewerId: world.users.otherTeacher.id, assignmentId: world.assignmentB.id, json: file, baseUrl: BASE });
    expect(summary.imported).toBeGreaterThan(0);
    const copy = (id: string) => db.annotation.findUniqueOrThrow({ where: { id: deriveImportId({ assignmentId: world.assignmentB.id, iri: `${BASE}/annotations/${id}` }) } });
    expect((await copy(anas.id)).codeId).toBe(claimB.id);
    const bens = await db.annotation.findFirstOrThrow({ where: { authorId: world.users.ben.id, exact: "Stalin", codeId: { not: null } } });
    expect(await copy(bens.id)).toMatchObject({ codeId: null, tags: ["context"] });
  });
});
