import "server-only";
import { stringify } from "yaml";
import { ContentError, type ParsedEssay } from "@/lib/content";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ReadingInput } from "@/lib/validation/reading";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { parseEssayOffThread } from "@/lib/server/hints/reading-worker-pool";
import { readStoredGlossary } from "@/lib/validation/glossary";
import { glossaryColumn, isSameGlossary } from "./glossary-column";
import { provenanceColumns } from "./provenance";
import { reanchorEssay } from "./reanchor-essay";

/**
 * Turns the form into the same Markdown-with-front-matter a content file has,
 * so a teacher's reading goes through exactly the parser the library uses.
 * Plain text is read as paragraphs only, so a line starting with "#" or "-"
 * stays literal text without any invisible escape character.
 */
async function toEssay(slug: string, input: ReadingInput): Promise<ParsedEssay> {
  const meta = {
    title: input.title,
    author: input.author,
    source: input.source,
    ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
    retrieved: input.retrieved,
    notes: input.notes,
  };
  try {
    // Off the request thread: a reading may be 1 MB, which takes the parser tens of milliseconds.
    return await parseEssayOffThread(`${slug}.md`, `---\n${stringify(meta)}---\n\n${input.text}\n`, input.format);
  } catch (error) {
    if (error instanceof ContentError) throw new AppError("invalid", `The reading could not be read: ${error.reason}.`);
    throw error;
  }
}

function slugify(title: string): string {
  const base = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return base || "reading";
}

/** Only teachers (of at least one class) add readings. */
export async function requireTeacher(viewerId: string) {
  const teaches = await db.membership.findFirst({ where: { userId: viewerId, role: "teacher" }, select: { id: true } });
  if (!teaches) throw new AppError("forbidden", "Only teachers can add readings.");
}

/** Tries at a free slug before giving up: each lost race means another teacher just took the one we chose. */
const SLUG_ATTEMPTS = 8;

/**
 * Adds a reading from pasted or uploaded text: an essay with revision 1, private to the teacher's
 * classes. Its slug comes from the title ("-2", "-3"… when taken).
 */
export async function addReading({ viewerId, input }: { viewerId: string; input: ReadingInput }) {
  await requireTeacher(viewerId);
  return insertWithFreeSlug(input.title, (slug) => insertReading(viewerId, slug, input));
}

/**
 * Runs `insert` with a free slug made from the title. Two teachers adding the same
 * title at once both pick the same free slug; the unique index refuses the second insert, which
 * then looks again and takes the next one, so both succeed.
 */
export async function insertWithFreeSlug<T>(title: string, insert: (slug: string) => Promise<T>): Promise<T> {
  const base = slugify(title);
  for (let attempt = 1; ; attempt++) {
    const slug = await freeSlug(base);
    try {
      return await insert(slug);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= SLUG_ATTEMPTS) throw new AppError("conflict", "Many readings with this title are being added right now. Try again in a moment.");
    }
  }
}

async function freeSlug(base: string): Promise<string> {
  const taken = new Set((await db.essay.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((e) => e.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

async function insertReading(viewerId: string, slug: string, input: ReadingInput) {
  const essay = await toEssay(slug, input);
  return db.essay.create({
    data: {
      slug,
      ...provenanceColumns(essay.meta),
      origin: "teacher",
      ownerId: viewerId,
      isShared: input.isShared,
      revisions: {
        create: { number: 1, contentHash: essay.contentHash, text: essay.text, blocks: essay.blocks as unknown as object, glossary: glossaryColumn(input.glossary) },
      },
    },
  });
}

/**
 * Edits the owner's reading. Changed text becomes a new revision and the
 * annotations are re-anchored onto it in the same transaction, exactly as
 * when a content file changes. The glossary goes with the revision: a new
 * revision carries the one in force (or the edited one), and a glossary
 * edited without a text change is stored on the current revision, whose
 * text stays as it was; the hints' cache keys on the glossary, so they follow.
 */
export async function editReading({ viewerId, essayId, input }: { viewerId: string; essayId: string; input: ReadingInput }) {
  const current = await db.essay.findFirst({
    // A reading made from a file changes by a new file or a corrected transcription (lib/server/sources).
    where: { id: essayId, ownerId: viewerId, origin: "teacher", sourceKind: "text" },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  if (!current) throw notFound("That reading");
  const essay = await toEssay(current.slug, input);
  return db.$transaction(async (tx) => {
    await tx.essay.update({
      where: { id: essayId },
      data: { ...provenanceColumns(essay.meta), isShared: input.isShared },
    });
    const latest = current.revisions[0];
    const carried = readStoredGlossary(latest?.glossary ?? null);
    // Left out of the input, the glossary in force is kept; null removes it.
    const glossary = input.glossary === undefined ? carried : input.glossary;
    const isGlossaryChanged = !isSameGlossary(glossary, carried);
    if (latest?.contentHash === essay.contentHash) {
      if (isGlossaryChanged) await tx.essayRevision.update({ where: { id: latest.id }, data: { glossary: glossaryColumn(glossary) } });
      return { newRevision: null, reanchored: null, isGlossaryChanged };
    }
    const revision = await tx.essayRevision.create({
      data: {
        essayId,
        number: (latest?.number ?? 0) + 1,
        contentHash: essay.contentHash,
        text: essay.text,
        blocks: essay.blocks as unknown as object,
        glossary: glossaryColumn(glossary),
      },
    });
    // The owner may share the reading with other classes: the answer counts only the owner's own.
    const reanchored = await reanchorEssay(tx, { essayId, toRevisionId: revision.id, reportTo: { viewerId } });
    return { newRevision: revision.number, reanchored, isGlossaryChanged };
  });
}

/** A reading the viewer added, with its current revision; null for anyone else's. */
export function findOwnReading({ viewerId, essayId }: { viewerId: string; essayId: string }) {
  return db.essay.findFirst({
    where: { id: essayId, ownerId: viewerId, origin: "teacher" },
    include: {
      revisions: { orderBy: { number: "desc" }, take: 1 },
      // The newest uploaded file: a picture must keep saying what it shows.
      sourceFiles: { where: { isDerived: false }, orderBy: { createdAt: "desc" }, take: 1, select: { mediaType: true } },
    },
  });
}
