import "server-only";
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { ContentError, contentSlug, MAX_CONTENT_BYTES, parseSourceMeta, type EssayMeta } from "@/lib/content";
import type { Tx } from "@/lib/db";
import { MAX_SOURCE_BYTES, sniffMediaType } from "@/lib/sources";
import { storeBytes } from "@/lib/server/sources/file-store";
import { provenanceColumns } from "./provenance";

/** A PDF of the content folder with its provenance, ready to sync. */
export interface ContentSource {
  slug: string;
  file: string;
  meta: EssayMeta;
  bytes: Uint8Array;
  sha256: string;
}

type ReadBounded = (dir: string, name: string, limit: number) => Promise<Buffer>;

/**
 * Reads the content folder's PDFs, each with the YAML file of the same name
 * beside it (`gettysburg-address.pdf` + `gettysburg-address.yml`). A PDF
 * without its YAML, a YAML without its PDF, a file that is not a PDF, one
 * over the upload limit or a YAML that fails the front-matter rule is a
 * problem, as a bad essay file is; the others are still synced.
 */
export async function readContentSources(dir: string, readBounded: ReadBounded) {
  const parsed: ContentSource[] = [];
  const problems: { file: string; reason: string }[] = [];
  const names = (await readdir(dir)).sort();
  const has = new Set(names.map((n) => n.toLowerCase()));
  for (const name of names.filter((n) => n.toLowerCase().endsWith(".yml") && !has.has(`${n.slice(0, -4).toLowerCase()}.pdf`))) {
    problems.push({ file: name, reason: `describes ${name.slice(0, -4)}.pdf, which is not in the folder` });
  }
  for (const name of names.filter((n) => n.toLowerCase().endsWith(".pdf"))) {
    try {
      const slug = contentSlug(name, ".pdf");
      if (has.has(`${slug}.md`)) throw new ContentError(name, `has the same name as ${slug}.md; rename one of them`);
      if (!has.has(`${slug}.yml`)) throw new ContentError(name, `needs ${slug}.yml beside it, with its title, author, source, retrieved and notes`);
      const bytes = new Uint8Array(await readBounded(dir, name, MAX_SOURCE_BYTES));
      if (sniffMediaType(bytes) !== "application/pdf") throw new ContentError(name, "is not a PDF");
      const meta = parseSourceMeta(`${slug}.yml`, (await readBounded(dir, `${slug}.yml`, MAX_CONTENT_BYTES)).toString("utf8"));
      parsed.push({ slug, file: name, meta, bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
    } catch (error) {
      const reason = error instanceof ContentError ? error.reason : `could not be read (${(error as Error).message})`;
      problems.push({ file: error instanceof ContentError ? error.file : name, reason });
    }
  }
  return { parsed, problems };
}

/**
 * Brings one content PDF into the database, inside the sync's transaction:
 * its essay (provenance updated in place), and, when the file's bytes are new,
 * the file and a job that reads its text into the next revision. Answers the
 * new job's id (the caller queues it once the transaction is committed), or
 * a problem when its slug belongs to a teacher's reading.
 */
export async function syncContentSource(tx: Tx, source: ContentSource): Promise<{ jobId: string | null } | { problem: string }> {
  const existing = await tx.essay.findUnique({ where: { slug: source.slug }, select: { id: true, origin: true } });
  if (existing && existing.origin !== "file") return { problem: `its name is taken by a reading a teacher added (/essays/${source.slug}); rename the file` };
  const essay = existing
    ? await tx.essay.update({ where: { id: existing.id }, data: provenanceColumns(source.meta), select: { id: true } })
    : await tx.essay.create({ data: { slug: source.slug, ...provenanceColumns(source.meta), origin: "file", sourceKind: "pdf" }, select: { id: true } });
  const newest = await tx.sourceFile.findFirst({ where: { essayId: essay.id, isDerived: false }, orderBy: { createdAt: "desc" }, select: { sha256: true } });
  if (newest?.sha256 === source.sha256) return { jobId: null };
  const file = await tx.sourceFile.create({
    data: {
      essayId: essay.id,
      sha256: source.sha256,
      mediaType: "application/pdf",
      byteSize: source.bytes.byteLength,
      fileName: source.file,
      ...(await storeBytes({ sha256: source.sha256, mediaType: "application/pdf", bytes: source.bytes })),
    },
    select: { id: true },
  });
  const job = await tx.sourceJob.create({ data: { essayId: essay.id, sourceFileId: file.id }, select: { id: true } });
  return { jobId: job.id };
}
