import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findReadableEssay } from "@/lib/server/essays/find-readable-essay";
import { syncContent } from "@/lib/server/essays/sync-content";
import { closeSourcePool } from "@/lib/server/sources/source-pool";
import { enqueueContentJobs, startSourceWorker, stopSourceQueue } from "@/lib/server/sources/source-queue";
import { BLISS_COPY, makeContentPdf } from "../../scripts/make-content-pdf";
import { makeUser } from "../support/world";

const CONTENT = path.resolve(__dirname, "../../content");
const dir = mkdtempSync(path.join(tmpdir(), "content-sources-"));
const FILE = "gettysburg-address";
// A slug of its own: another file of the suite (lti-services) syncs the real content folder into the same database.
const SLUG = `${FILE}-${Date.now().toString(36)}`;

async function settled(essayId: string) {
  for (const until = Date.now() + 90_000; ; await new Promise((r) => setTimeout(r, 200))) {
    const job = await db.sourceJob.findFirstOrThrow({ where: { essayId }, orderBy: { createdAt: "desc" } });
    if (job.status === "done" || job.status === "failed") return job;
    if (Date.now() > until) throw new Error(`job ${job.id} still ${job.status}`);
  }
}

beforeAll(async () => {
  process.env.SOURCE_QUEUE_POLL_S = "1";
  copyFileSync(path.join(CONTENT, "destalinization-origins.md"), path.join(dir, "destalinization-origins.md"));
  for (const ext of ["pdf", "yml"]) copyFileSync(path.join(CONTENT, `${FILE}.${ext}`), path.join(dir, `${SLUG}.${ext}`));
  await startSourceWorker();
});

afterAll(async () => {
  await stopSourceQueue();
  await closeSourcePool();
  rmSync(dir, { recursive: true, force: true });
});

describe("a PDF in the content folder beside its YAML", () => {
  let essayId: string;

  it("is the file scripts/make-content-pdf.ts writes, byte for byte", async () => {
    expect(Buffer.from(await makeContentPdf()).equals(readFileSync(path.join(CONTENT, `${FILE}.pdf`)))).toBe(true);
  });

  it("becomes a library reading whose text a job reads, page by page, with the YAML's provenance", async () => {
    const report = await syncContent({ db, dir });
    expect(report.problems).toEqual([]);
    expect(report.essays).toBe(2);
    expect(report.sourceJobs).toHaveLength(1);
    const essay = await db.essay.findUniqueOrThrow({ where: { slug: SLUG } });
    essayId = essay.id;
    expect(essay).toMatchObject({ origin: "file", sourceKind: "pdf", ownerId: null, title: "The Gettysburg Address (the Bliss copy)", author: "Abraham Lincoln", retrieved: "2026-12-07" });
    // Every unfinished content job is queued again: ours, and any left by another file that synced the real folder.
    expect(await enqueueContentJobs()).toBeGreaterThanOrEqual(1);
    expect(await settled(essay.id)).toMatchObject({ status: "done", revisionNumber: 1 });
    // The school's library: anyone signed in reads it, as the essays.
    const student = await makeUser("Content Reader");
    const readable = await findReadableEssay({ viewerId: student.id, slug: SLUG });
    expect(readable?.revision.text).toBe(BLISS_COPY.join("\n"));
    expect(readable?.revision.blocks.map((b) => b.page)).toEqual([0, 0, 1]);
  });

  it("makes no new file, job or revision when synced again, and takes a YAML change in place", async () => {
    writeFileSync(path.join(dir, `${SLUG}.yml`), readFileSync(path.join(dir, `${SLUG}.yml`), "utf8").replace('author: "Abraham Lincoln"', 'author: "A. Lincoln"'));
    const report = await syncContent({ db, dir });
    expect(report.sourceJobs).toEqual([]);
    expect(await db.sourceFile.count({ where: { essayId } })).toBe(1);
    expect(await db.essayRevision.count({ where: { essayId } })).toBe(1);
    expect((await db.essay.findUniqueOrThrow({ where: { id: essayId } })).author).toBe("A. Lincoln");
  });

  it("lists a PDF without its YAML, a YAML without its PDF, a file that is not a PDF and a bad YAML as problems; the rest still syncs", async () => {
    writeFileSync(path.join(dir, "lonely.pdf"), readFileSync(path.join(dir, `${SLUG}.pdf`)));
    writeFileSync(path.join(dir, "orphan.yml"), "title: x\n");
    writeFileSync(path.join(dir, "fake.pdf"), "not a pdf at all");
    writeFileSync(path.join(dir, "fake.yml"), readFileSync(path.join(dir, `${SLUG}.yml`)));
    writeFileSync(path.join(dir, "no-author.pdf"), readFileSync(path.join(dir, `${SLUG}.pdf`)));
    writeFileSync(path.join(dir, "no-author.yml"), 'title: "T"\nsource: "S"\nretrieved: 2026-12-07\nnotes: "N"\n');
    const report = await syncContent({ db, dir });
    expect(report.problems).toEqual([
      { file: "orphan.yml", reason: "describes orphan.pdf, which is not in the folder" },
      { file: "fake.pdf", reason: "is not a PDF" },
      { file: "lonely.pdf", reason: "needs lonely.yml beside it, with its title, author, source, retrieved and notes" },
      { file: "no-author.yml", reason: 'needs a "author" line' },
    ]);
    expect(await db.contentProblem.count()).toBe(4);
    expect(await db.essay.count({ where: { slug: { in: ["lonely", "fake", "no-author"] } } })).toBe(0);
    expect(report.essays).toBe(2);
  });
});
