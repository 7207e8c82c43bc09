import "server-only";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { ContentError, MAX_CONTENT_BYTES, parseEssay } from "@/lib/content";
import type { ParsedEssay } from "@/lib/content";
import type { Db } from "@/lib/db";
import { glossaryColumn, isSameGlossary } from "./glossary-column";
import { readContentSources, syncContentSource } from "./content-sources";
import { provenanceColumns } from "./provenance";
import { reanchorEssay, type ReanchorSummary } from "./reanchor-essay";

export interface SyncReport {
  essays: number;
  newRevisions: {
    slug: string;
    number: number;
    revisionId: string;
    previousRevisionId: string | null;
    reanchored: ReanchorSummary | null;
  }[];
  problems: { file: string; reason: string }[];
  /** Jobs made for content PDFs that are new or changed: to be queued once the sync is committed. */
  sourceJobs: string[];
}

/** Any number: it only has to be the same for every app instance. */
const SYNC_LOCK = 727_001;

/**
 * Brings the content folder into the database: a new file becomes an essay, a
 * changed text becomes a new revision (old ones are kept), a bad file is
 * recorded as a problem while the rest are still served. Safe to run from
 * several instances at once: an advisory lock serialises them.
 */
export async function syncContent({ db, dir }: { db: Db; dir: string }): Promise<SyncReport> {
  const { parsed, problems } = await readContentDir(dir);
  const sources = await readContentSources(dir, readBoundedFile);
  problems.push(...sources.problems);
  const report: SyncReport = { essays: parsed.length + sources.parsed.length, newRevisions: [], problems, sourceJobs: [] };

  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${SYNC_LOCK})`;
      for (const essay of parsed) {
        const row = await tx.essay.upsert({
          where: { slug: essay.slug },
          create: { slug: essay.slug, ...metaColumns(essay), origin: "file" },
          update: metaColumns(essay),
        });
        const latest = await tx.essayRevision.findFirst({
          where: { essayId: row.id },
          orderBy: { number: "desc" },
          select: { id: true, number: true, contentHash: true, glossary: true },
        });
        if (latest?.contentHash === essay.contentHash) {
          // The file's glossary is the one in force: a changed front matter glossary updates the current revision.
          if (!isSameGlossary(latest.glossary, essay.meta.glossary ?? null)) {
            await tx.essayRevision.update({ where: { id: latest.id }, data: { glossary: glossaryColumn(essay.meta.glossary) } });
          }
          continue;
        }
        const created = await tx.essayRevision.create({
          data: {
            essayId: row.id,
            number: (latest?.number ?? 0) + 1,
            contentHash: essay.contentHash,
            text: essay.text,
            blocks: essay.blocks as unknown as object,
            glossary: glossaryColumn(essay.meta.glossary),
          },
        });
        // Carry the annotations across in the same transaction: readers never see
        // the new text with annotations still pointing into the old one.
        const reanchored = latest ? await reanchorEssay(tx, { essayId: row.id, toRevisionId: created.id }) : null;
        report.newRevisions.push({
          slug: essay.slug,
          number: created.number,
          revisionId: created.id,
          previousRevisionId: latest?.id ?? null,
          reanchored,
        });
      }
      // PDFs: their text comes from a job, as for an upload (lib/server/sources).
      for (const source of sources.parsed) {
        const synced = await syncContentSource(tx, source);
        if ("problem" in synced) problems.push({ file: source.file, reason: synced.problem });
        else if (synced.jobId) report.sourceJobs.push(synced.jobId);
      }
      await tx.contentProblem.deleteMany({});
      if (problems.length > 0) await tx.contentProblem.createMany({ data: problems });
    },
    { timeout: 60_000 },
  );
  return report;
}

const metaColumns = (essay: ParsedEssay) => provenanceColumns(essay.meta);

/** Parses every .md file; a file that fails is reported, never fatal. */
export async function readContentDir(dir: string) {
  const parsed: ParsedEssay[] = [];
  const problems: { file: string; reason: string }[] = [];
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(".md")).sort();
  for (const name of names) {
    try {
      parsed.push(parseEssay(name, await readBoundedFile(dir, name)));
    } catch (error) {
      const reason = error instanceof ContentError ? error.reason : `could not be read (${(error as Error).message})`;
      problems.push({ file: name, reason });
    }
  }
  return { parsed, problems };
}

/**
 * Reads a content file only when it is a regular file within the size limit.
 * The size is checked before reading: a stray multi-gigabyte file (a dump, a
 * disk image) must cost a stat at start-up, not the instance's memory. A pipe
 * or device named *.md is refused before it is opened, so it cannot block.
 */
async function readBoundedFile(dir: string, name: string, limit = MAX_CONTENT_BYTES): Promise<Buffer> {
  const file = path.join(dir, name);
  if (!(await stat(file)).isFile()) throw new ContentError(name, "is not a regular file");
  const handle = await open(file, "r");
  try {
    // Checked again on the open file, in case it was swapped since the stat.
    const { size } = await handle.stat();
    if (size > limit) throw new ContentError(name, `is larger than ${limit >= 1024 * 1024 && limit % (1024 * 1024) === 0 ? limit / (1024 * 1024) : limit / 1_000_000} MB`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
