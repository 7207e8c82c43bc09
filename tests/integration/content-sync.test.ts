import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { syncContent } from "@/lib/server/essays/sync-content";

const SEED = readFileSync(path.resolve(__dirname, "../../content/destalinization-origins.md"), "utf8");
const suffix = Date.now().toString(36);
const slug = `sync-${suffix}`;
const dir = mkdtempSync(path.join(tmpdir(), "content-"));

const essayFile = (body: string, title = "A synced essay") =>
  `---\ntitle: "${title}"\nauthor: Test\nsource: Written for the sync test\nretrieved: 2026-11-01\nnotes: Test file.\n---\n\n${body}\n`;

async function revisionsOf(s: string) {
  return db.essayRevision.findMany({ where: { essay: { slug: s } }, orderBy: { number: "asc" } });
}

beforeAll(() => {
  writeFileSync(path.join(dir, `${slug}.md`), essayFile("In 1995 the central committee met."));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("content sync", () => {
  it("creates an essay with revision 1 from a new file", async () => {
    const report = await syncContent({ db, dir });
    expect(report.problems).toEqual([]);
    expect(report.newRevisions.map((r) => [r.slug, r.number])).toEqual([[slug, 1]]);
    const [rev] = await revisionsOf(slug);
    expect(rev.text).toBe("In 1995 the central committee met.");
    expect(rev.blocks).toEqual([{ type: "paragraph", start: 0, end: rev.text.length }]);
  });

  it("does nothing when nothing changed", async () => {
    const report = await syncContent({ db, dir });
    expect(report.newRevisions).toEqual([]);
    expect(await revisionsOf(slug)).toHaveLength(1);
  });

  it("keeps the old revision and adds a new one when the text changes", async () => {
    writeFileSync(path.join(dir, `${slug}.md`), essayFile("In 1955 the central committee met."));
    const report = await syncContent({ db, dir });
    expect(report.newRevisions).toHaveLength(1);
    expect(report.newRevisions[0].previousRevisionId).not.toBeNull();
    const revisions = await revisionsOf(slug);
    expect(revisions.map((r) => [r.number, r.text])).toEqual([
      [1, "In 1995 the central committee met."],
      [2, "In 1955 the central committee met."],
    ]);
  });

  it("updates the title without a new revision when only the front matter changes", async () => {
    writeFileSync(path.join(dir, `${slug}.md`), essayFile("In 1955 the central committee met.", "Renamed essay"));
    const report = await syncContent({ db, dir });
    expect(report.newRevisions).toEqual([]);
    expect((await db.essay.findUniqueOrThrow({ where: { slug } })).title).toBe("Renamed essay");
  });

  it("serves a file dropped into the folder, and reports a malformed one without losing the others", async () => {
    const fresh = `dropped-${suffix}`;
    writeFileSync(path.join(dir, `${fresh}.md`), SEED);
    writeFileSync(path.join(dir, `broken-${suffix}.md`), "---\ntitle: [oops\n---\n\nText");
    writeFileSync(path.join(dir, `empty-${suffix}.md`), essayFile(""));

    const report = await syncContent({ db, dir });
    expect(report.problems).toEqual([
      { file: `broken-${suffix}.md`, reason: expect.stringMatching(/not valid YAML/) },
      { file: `empty-${suffix}.md`, reason: expect.stringMatching(/no essay text/) },
    ]);
    expect(report.newRevisions.map((r) => r.slug)).toEqual([fresh]);
    expect(await db.essay.count({ where: { slug: { in: [slug, fresh] } } })).toBe(2);
    const problems = await db.contentProblem.findMany({ orderBy: { file: "asc" } });
    expect(problems.map((p) => p.file)).toEqual([`broken-${suffix}.md`, `empty-${suffix}.md`]);
  });

  it("is safe when two instances sync at once: one revision, not two", async () => {
    writeFileSync(path.join(dir, `${slug}.md`), essayFile("In 1956 the central committee met."));
    const reports = await Promise.all([syncContent({ db, dir }), syncContent({ db, dir })]);
    expect(reports.flatMap((r) => r.newRevisions).filter((r) => r.slug === slug)).toHaveLength(1);
    expect((await revisionsOf(slug)).map((r) => r.number)).toEqual([1, 2, 3]);
  });
});

describe("content sync carries annotations to the new revision", () => {
  it("re-anchors an annotation in the same sync that creates the revision", async () => {
    const slugB = `carry-${suffix}`;
    writeFileSync(path.join(dir, `${slugB}.md`), essayFile("Stalin died in 1953. The speech came in 1956."));
    await syncContent({ db, dir });
    const essay = await db.essay.findUniqueOrThrow({ where: { slug: slugB }, include: { revisions: true } });
    const user = await db.user.create({ data: { name: "Carrier", email: `carrier-${suffix}@test.school` } });
    const classroom = await db.classroom.create({ data: { name: "C", joinCode: `C${suffix}` } });
    const assignment = await db.assignment.create({ data: { classroomId: classroom.id, essayId: essay.id, dueAt: new Date() } });
    const text = essay.revisions[0].text;
    const start = text.indexOf("1956");
    const annotation = await db.annotation.create({
      data: {
        id: `carry-${suffix}`,
        assignmentId: assignment.id,
        authorId: user.id,
        revisionId: essay.revisions[0].id,
        kind: "highlight",
        exact: "1956",
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + 4, start + 36),
        startCp: start,
        endCp: start + 4,
      },
    });

    writeFileSync(path.join(dir, `${slugB}.md`), essayFile("Joseph Stalin died in March 1953. The speech came in 1956."));
    const report = await syncContent({ db, dir });
    const revision = report.newRevisions.find((r) => r.slug === slugB)!;
    expect(revision.reanchored).toMatchObject({ total: 1, anchored: 1 });
    const moved = await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    const newText = (await db.essayRevision.findUniqueOrThrow({ where: { id: revision.revisionId } })).text;
    expect(moved.revisionId).toBe(revision.revisionId);
    expect(newText.slice(moved.startCp, moved.endCp)).toBe("1956");
  });
});
