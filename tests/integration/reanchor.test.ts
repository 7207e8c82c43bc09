import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { codePointToUtf16, describe as describeSpan } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { reanchorEssay } from "@/lib/server/essays/reanchor-essay";

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let essays = 0;
let studentId = "";
let classroomId = "";

interface Fixture {
  essayId: string;
  assignmentId: string;
  revisions: string[];
}

beforeAll(async () => {
  const teacher = await db.user.create({ data: { name: "Teacher", email: `reanchor-t-${run}@test.school` } });
  const student = await db.user.create({ data: { name: "Student", email: `reanchor-s-${run}@test.school` } });
  const classroom = await db.classroom.create({ data: { name: "History 9", joinCode: `RA${run}`.toUpperCase() } });
  await db.membership.createMany({
    data: [
      { userId: teacher.id, classroomId: classroom.id, role: "teacher" },
      { userId: student.id, classroomId: classroom.id, role: "student" },
    ],
  });
  studentId = student.id;
  classroomId = classroom.id;
});

async function addRevision(f: Fixture, text: string) {
  const revision = await db.essayRevision.create({
    data: {
      essayId: f.essayId,
      number: f.revisions.length + 1,
      contentHash: createHash("sha256").update(text).digest("hex"),
      text,
      blocks: [{ type: "paragraph", start: 0, end: text.length }],
    },
  });
  f.revisions.push(revision.id);
  return revision.id;
}

async function makeEssay(text: string): Promise<Fixture> {
  const essay = await db.essay.create({
    data: { slug: `reanchor-${run}-${++essays}`, title: "Re-anchor test", author: "Test", source: "Test", retrieved: "2026-11-01", notes: "" },
  });
  const assignment = await db.assignment.create({ data: { classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) } });
  const f: Fixture = { essayId: essay.id, assignmentId: assignment.id, revisions: [] };
  await addRevision(f, text);
  return f;
}

/** An annotation on the first occurrence of `quote` in revision 1, selectors from describe(). */
function annotation(f: Fixture, text: string, quote: string, correction?: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  const { quote: q, position } = describeSpan(text, start, start + quote.length);
  return {
    id: randomUUID(),
    assignmentId: f.assignmentId,
    authorId: studentId,
    revisionId: f.revisions[0],
    kind: correction === undefined ? ("highlight" as const) : ("flag" as const),
    exact: q.exact,
    prefix: q.prefix ?? "",
    suffix: q.suffix ?? "",
    startCp: position.start,
    endCp: position.end,
  };
}

async function annotate(f: Fixture, text: string, quote: string, correction?: string) {
  const data = annotation(f, text, quote, correction);
  const flag = correction === undefined ? undefined : { create: { category: "date_number" as const, correction } };
  return db.annotation.create({ data: { ...data, flag } });
}

const reanchor = (f: Fixture) =>
  db.$transaction((tx) => reanchorEssay(tx, { essayId: f.essayId, toRevisionId: f.revisions.at(-1)! }));
const reload = (id: string) => db.annotation.findUniqueOrThrow({ where: { id }, include: { flag: true } });
const selectors = (a: { revisionId: string; exact: string; prefix: string; suffix: string; startCp: number; endCp: number }) => ({
  revisionId: a.revisionId, exact: a.exact, prefix: a.prefix, suffix: a.suffix, startCp: a.startCp, endCp: a.endCp,
});
/** What the stored code-point span covers in `text`. */
const textAt = (text: string, a: { startCp: number; endCp: number }) =>
  text.slice(codePointToUtf16(text, a.startCp), codePointToUtf16(text, a.endCp));

describe("reanchorEssay", () => {
  it("shifts a quote when text is inserted before it, with fresh selectors on the new revision", async () => {
    const v1 = "In 1956 the central committee met in Moscow to weigh the harvest reports.";
    const v2 = `An editor added this opening sentence. ${v1}`;
    const f = await makeEssay(v1);
    const before = await annotate(f, v1, "central committee");
    await addRevision(f, v2);

    const summary = await reanchor(f);
    const after = await reload(before.id);
    expect(summary).toMatchObject({ total: 1, anchored: 1, orphaned: 0 });
    expect(after).toMatchObject({ revisionId: f.revisions[1], anchorStatus: "anchored", exact: "central committee" });
    expect(textAt(v2, after)).toBe(after.exact);
    expect(after.startCp).toBeGreaterThan(before.startCp);
    const start = v2.indexOf("central committee");
    const { quote } = describeSpan(v2, start, start + after.exact.length);
    expect({ prefix: after.prefix, suffix: after.suffix }).toEqual({ prefix: quote.prefix, suffix: quote.suffix });
  });

  it("keeps updatedAt and version: a re-anchored annotation is not shown as edited by its author", async () => {
    const v1 = "In 1956 the central committee met in Moscow to weigh the harvest reports.";
    const v2 = `An editor added this opening sentence. ${v1}`;
    const f = await makeEssay(v1);
    const before = await annotate(f, v1, "central committee");
    await addRevision(f, v2);

    await reanchor(f);
    const after = await reload(before.id);
    expect(after.revisionId).toBe(f.revisions[1]);
    expect(after.startCp).toBeGreaterThan(before.startCp);
    expect({ updatedAt: after.updatedAt, version: after.version }).toEqual({ updatedAt: before.updatedAt, version: before.version });
  });

  describe("when the quoted words themselves are edited", () => {
    const v1 = "In 1995 the central committee met in Moscow to weigh the harvest reports of the autumn.";
    const v2 = v1.replace("1995", "1955");
    let f: Fixture;
    let ids: { highlight: string; fixed: string; other: string };
    let summary: Awaited<ReturnType<typeof reanchor>>;

    beforeAll(async () => {
      f = await makeEssay(v1);
      const highlight = await annotate(f, v1, "1995");
      const fixed = await annotate(f, v1, "1995", "1955");
      const other = await annotate(f, v1, "1995", "1956");
      ids = { highlight: highlight.id, fixed: fixed.id, other: other.id };
      await addRevision(f, v2);
      summary = await reanchor(f);
    });

    it("marks the annotation replaced: it keeps the annotated words and points at what stands there now", async () => {
      const a = await reload(ids.highlight);
      const original = annotation(f, v1, "1995");
      expect(a).toMatchObject({ revisionId: f.revisions[1], anchorStatus: "replaced", exact: "1995" });
      expect({ prefix: a.prefix, suffix: a.suffix }).toEqual({ prefix: original.prefix, suffix: original.suffix });
      expect(textAt(v2, a)).toBe("1955");
    });

    it("marks a flag fixed in the source when the new words are its correction, and only then", async () => {
      const fixed = await reload(ids.fixed);
      expect(fixed.anchorStatus).toBe("replaced");
      expect(fixed.revisionId).toBe(f.revisions[1]);
      expect(textAt(v2, fixed)).toBe(fixed.flag?.correction);
      expect(fixed.flag?.fixedInSourceAt).toBeInstanceOf(Date);
      expect((await reload(ids.other)).flag?.fixedInSourceAt).toBeNull();
      expect(summary).toMatchObject({ total: 3, replaced: 3, fixedInSource: 1 });
    });

    it("keeps following the replaced words into the next revision without sliding onto another '1995'", async () => {
      const v3 = `${v2} A later chapter mentions 1995 once more.`;
      await addRevision(f, v3);
      await reanchor(f);
      const a = await reload(ids.highlight);
      expect(a).toMatchObject({ revisionId: f.revisions[2], anchorStatus: "replaced", exact: "1995" });
      expect(textAt(v3, a)).toBe("1955");
      expect((await reload(ids.fixed)).flag?.fixedInSourceAt).toBeInstanceOf(Date);
    });
  });

  describe("a deleted passage", () => {
    const kept = "The committee met in Moscow in the spring.";
    const cut = " The delegates argued about the harvest figures for many hours.";
    const tail = " Then they went home to their provinces.";
    let f: Fixture;
    let orphanId = "";
    let original: ReturnType<typeof selectors>;

    it("orphans an annotation on it, leaving its revision and selectors as they were", async () => {
      f = await makeEssay(kept + cut + tail);
      const a = await annotate(f, kept + cut + tail, "harvest figures");
      orphanId = a.id;
      original = selectors(a);
      await addRevision(f, kept + tail);
      expect(await reanchor(f)).toMatchObject({ total: 1, orphaned: 1 });
      const after = await reload(orphanId);
      expect(after.anchorStatus).toBe("orphan");
      expect(selectors(after)).toEqual(original);
    });

    it("re-anchors that orphan when the passage re-appears in a later revision", async () => {
      const v3 = kept + tail + cut;
      await addRevision(f, v3);
      expect(await reanchor(f)).toMatchObject({ total: 1, orphaned: 0 });
      const after = await reload(orphanId);
      expect(after).toMatchObject({ revisionId: f.revisions[2], exact: original.exact });
      expect(["anchored", "fuzzy"]).toContain(after.anchorStatus);
      expect(textAt(v3, after)).toBe(original.exact);
    });
  });

  it("counts positions in code points when emoji precede the span", async () => {
    const v1 = "🎉 In 1956 the committee met 🚩 in Moscow to weigh the harvest reports.";
    const v2 = `📜📜 A preface with 🧭 emoji. ${v1}`;
    const f = await makeEssay(v1);
    const { id } = await annotate(f, v1, "harvest reports");
    await addRevision(f, v2);
    await reanchor(f);
    const a = await reload(id);
    const utf16 = v2.indexOf("harvest reports");
    expect(a.anchorStatus).toBe("anchored");
    expect(a.startCp).toBe(Array.from(v2.slice(0, utf16)).length);
    expect(a.startCp).toBeLessThan(utf16);
    expect(textAt(v2, a)).toBe("harvest reports");
  });

  it("logs one 'reload everything' change event per assignment and notifies listeners at commit", async () => {
    const v1 = "The plenum opened in February with a long report.";
    const f = await makeEssay(v1);
    await annotate(f, v1, "long report");
    await annotate(f, v1, "February");
    await addRevision(f, `Unexpectedly, ${v1}`);

    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    try {
      await listener.query("listen marginalia_events");
      const heard = new Promise<string | undefined>((resolve) =>
        listener.on("notification", (n) => n.payload === f.assignmentId && resolve(n.payload)),
      );
      await reanchor(f);
      await expect(heard).resolves.toBe(f.assignmentId);
    } finally {
      await listener.end();
    }
    const events = await db.changeEvent.findMany({ where: { assignmentId: f.assignmentId } });
    expect(events.map((e) => [e.type, e.entityId])).toEqual([["annotation.updated", "*"]]);
  });

  it("writes thousands of annotations in bulk, quotes with SQL and array metacharacters intact, deleted ones untouched", async () => {
    const v1 = `He said "NULL" {a,b} back\\slash, it's; -- drop table?\nThe harvest reports were late.`;
    const f = await makeEssay(v1);
    const quotes = [`"NULL" {a,b}`, `back\\slash, it's; --`, "harvest reports"];
    const rows = Array.from({ length: 3_000 }, (_, i) => annotation(f, v1, quotes[i % quotes.length]));
    await db.annotation.createMany({ data: rows });
    const deleted = await annotate(f, v1, "harvest reports");
    await db.annotation.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const v2 = `A new first line.\n${v1}`;
    await addRevision(f, v2);

    expect(await reanchor(f)).toMatchObject({ total: rows.length, anchored: rows.length });
    const after = await db.annotation.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(after.every((a) => a.revisionId === f.revisions[1] && a.anchorStatus === "anchored")).toBe(true);
    expect(after.every((a) => textAt(v2, a) === a.exact && quotes.includes(a.exact))).toBe(true);
    expect(await reload(deleted.id)).toMatchObject({ revisionId: f.revisions[0], startCp: deleted.startCp });
  });
});
