import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClass } from "@/lib/server/classes/class-writes";
import { addReading, editReading } from "@/lib/server/essays/reading-writes";
import { syncContent } from "@/lib/server/essays/sync-content";
import { findHintsForAssignment } from "@/lib/server/hints/find-hints-for-assignment";
import { glossaryFieldsSchema } from "@/lib/validation/glossary-form";
import type { ReadingInput } from "@/lib/validation/reading";
import { codeOf } from "../support/error-code";
import { makeUser } from "../support/world";

/*
 * Issue 13 §4: a reading's glossary is stored with its revision, carried to
 * each new revision, edited by the teacher who owns the reading, never
 * required, and used by the hints computed in the worker thread.
 */
const glossary = (fields: Partial<{ periodStart: string; periodEnd: string; terms: string; people: string }>) =>
  glossaryFieldsSchema.parse({ periodStart: "", periodEnd: "", terms: "", people: "", ...fields });

const base: ReadingInput = {
  title: "The Taiping Rebellion",
  author: "A teacher",
  source: "Typed by the teacher",
  sourceUrl: "",
  retrieved: "2026-12-01",
  notes: "Written for the glossary test.",
  text: "In 1851 Hong Xiuquan proclaimed the Heavenly Kingdom. In 1853 his armies took Nanjing, and in 1864 the city fell. In 1958 Hong answered by ordering a new campaign.",
  format: "txt",
  isShared: false,
};

let teacher: { id: string };
let classroomId = "";

beforeAll(async () => {
  teacher = await makeUser("Glossary Teacher", "teacher");
  classroomId = (await createClass({ viewerId: teacher.id, name: "Glossary class" })).id;
});

async function revisionsOf(essayId: string) {
  return db.essayRevision.findMany({ where: { essayId }, orderBy: { number: "asc" }, select: { number: true, text: true, glossary: true } });
}

async function hintsOf(essayId: string) {
  const assignment =
    (await db.assignment.findFirst({ where: { essayId, classroomId } })) ??
    (await db.assignment.create({ data: { classroomId, essayId, dueAt: new Date(Date.now() + 86_400_000) } }));
  return (await findHintsForAssignment({ viewerId: teacher.id, assignmentId: assignment.id })).hints;
}

describe("a reading's glossary", () => {
  it("is optional: a reading without one stores null and gets no glossary hints", async () => {
    const essay = await addReading({ viewerId: teacher.id, input: base });
    expect((await revisionsOf(essay.id)).map((r) => r.glossary)).toEqual([null]);
    expect((await hintsOf(essay.id)).filter((h) => h.evidence.some((e) => e.source === "glossary"))).toEqual([]);
  });

  it("is stored on revision 1, used by the hints in the worker, and carried to a new revision when the text changes", async () => {
    const g = glossary({ periodStart: "1850", periodEnd: "1864", people: "Hong Xiuquan, 1814–1864" });
    const essay = await addReading({ viewerId: teacher.id, input: { ...base, title: "Taiping with a glossary", glossary: g } });
    expect((await revisionsOf(essay.id))[0].glossary).toEqual(g);

    const hints = await hintsOf(essay.id);
    const late = hints.find((h) => h.quote.exact === "1958");
    expect(late?.kind).toBe("anachronistic-year");
    expect(late?.message).toMatch(/Hong acts here in 1958, after dying in 1864/);
    expect(late?.evidence.map((e) => e.source)).toContain("glossary");

    // The text changes and the input leaves the glossary out: the new revision carries it.
    const edit = await editReading({ viewerId: teacher.id, essayId: essay.id, input: { ...base, title: "Taiping with a glossary", text: `${base.text} The rebellion ended.` } });
    expect(edit.newRevision).toBe(2);
    expect((await revisionsOf(essay.id)).map((r) => [r.number, r.glossary])).toEqual([
      [1, g],
      [2, g],
    ]);
  });

  it("edited without a text change, is stored on the current revision (no new one) and the hints follow it", async () => {
    const essay = await addReading({ viewerId: teacher.id, input: { ...base, title: "Taiping edited glossary" } });
    expect((await hintsOf(essay.id)).some((h) => h.quote.exact === "1958")).toBe(false);

    const g = glossary({ periodStart: "1850", periodEnd: "1864" });
    const edit = await editReading({ viewerId: teacher.id, essayId: essay.id, input: { ...base, title: "Taiping edited glossary", glossary: g } });
    expect(edit).toMatchObject({ newRevision: null, isGlossaryChanged: true });
    expect((await revisionsOf(essay.id)).map((r) => [r.number, r.glossary])).toEqual([[1, g]]);
    const outside = (await hintsOf(essay.id)).find((h) => h.quote.exact === "1958");
    expect(outside?.message).toMatch(/outside the period this reading covers \(1850–1864\)/);

    // Emptied boxes remove it; the cached hints do not outlive it.
    const removed = await editReading({ viewerId: teacher.id, essayId: essay.id, input: { ...base, title: "Taiping edited glossary", glossary: null } });
    expect(removed.isGlossaryChanged).toBe(true);
    expect((await revisionsOf(essay.id))[0].glossary).toBeNull();
    expect((await hintsOf(essay.id)).some((h) => h.quote.exact === "1958")).toBe(false);
  });

  it("can be edited only by the teacher who owns the reading", async () => {
    const essay = await addReading({ viewerId: teacher.id, input: { ...base, title: "Taiping owned" } });
    const other = await makeUser("Other Teacher", "teacher");
    await createClass({ viewerId: other.id, name: "Other class" });
    expect(await codeOf(editReading({ viewerId: other.id, essayId: essay.id, input: { ...base, glossary: glossary({ terms: "Nanjing" }) } }))).toBe("not_found");
    expect((await revisionsOf(essay.id))[0].glossary).toBeNull();
  });

  it("checks every hint's evidence span against the text it points into", async () => {
    const essay = await addReading({
      viewerId: teacher.id,
      input: { ...base, title: "Taiping evidence", text: "Hong Xiuquan led the Taipings. Hong Xiuquan took Nanjing. Later Hong Xiuqan fell ill." },
    });
    const [revision] = await revisionsOf(essay.id);
    const hints = await hintsOf(essay.id);
    const drift = hints.find((h) => h.kind === "term-drift");
    expect(drift?.quote.exact).toBe("Xiuqan");
    for (const hint of hints) {
      expect(hint.evidence.length).toBeGreaterThan(0);
      for (const e of hint.evidence) if (e.span) expect(revision.text.slice(e.span.start, e.span.end)).toBe(e.quote);
    }
  });
});

describe("a content file's glossary", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "glossary-content-"));
  const slug = `glossary-sync-${Date.now().toString(36)}`;
  const file = (front: string, body = "In 1851 the Heavenly Kingdom was proclaimed; in 1853 Nanjing fell.") =>
    `---\ntitle: Taiping\nauthor: Test\nsource: Test\nretrieved: 2026-12-01\nnotes: Test.\n${front}---\n\n${body}\n`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is stored at sync, and a changed glossary updates the current revision without a new one", async () => {
    writeFileSync(path.join(dir, `${slug}.md`), file("glossary:\n  period: 1850–1864\n"));
    await syncContent({ db, dir });
    const rows = () => db.essayRevision.findMany({ where: { essay: { slug } }, orderBy: { number: "asc" }, select: { number: true, glossary: true } });
    expect(await rows()).toEqual([{ number: 1, glossary: { period: { start: 1850, end: 1864 }, terms: [], people: [] } }]);

    writeFileSync(path.join(dir, `${slug}.md`), file("glossary:\n  terms: [Heavenly Kingdom]\n"));
    const report = await syncContent({ db, dir });
    expect(report.newRevisions).toEqual([]);
    expect(await rows()).toEqual([{ number: 1, glossary: { terms: ["Heavenly Kingdom"], people: [] } }]);

    writeFileSync(path.join(dir, `${slug}.md`), file(""));
    await syncContent({ db, dir });
    expect(await rows()).toEqual([{ number: 1, glossary: null }]);
  });
});
