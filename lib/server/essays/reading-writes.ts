import "server-only";
import { stringify } from "yaml";
import { ContentError, parseEssay, type ParsedEssay } from "@/lib/content";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ReadingInput } from "@/lib/validation/reading";
import { reanchorEssay } from "./reanchor-essay";

/**
 * Turns the form into the same Markdown-with-front-matter a content file has,
 * so a teacher's reading goes through exactly the parser the library uses.
 * Plain text keeps its paragraphs; a leading "#" is escaped so it stays text.
 */
function toEssay(slug: string, input: ReadingInput): ParsedEssay {
  const meta = {
    title: input.title,
    author: input.author,
    source: input.source,
    ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
    retrieved: input.retrieved,
    notes: input.notes,
  };
  const body = input.format === "txt" ? input.text.replace(/^(\s*)([#>*+-])/gm, "$1\u200B$2") : input.text;
  try {
    return parseEssay(`${slug}.md`, `---\n${stringify(meta)}---\n\n${body}\n`);
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
async function requireTeacher(viewerId: string) {
  const teaches = await db.membership.findFirst({ where: { userId: viewerId, role: "teacher" }, select: { id: true } });
  if (!teaches) throw new AppError("forbidden", "Only teachers can add readings.");
}

/** Adds a reading from pasted or uploaded text: an essay with revision 1, private to the teacher's classes. */
export async function addReading({ viewerId, input }: { viewerId: string; input: ReadingInput }) {
  await requireTeacher(viewerId);
  const base = slugify(input.title);
  const taken = new Set((await db.essay.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((e) => e.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const essay = toEssay(slug, input);
  return db.essay.create({
    data: {
      slug,
      title: essay.meta.title,
      author: essay.meta.author,
      source: essay.meta.source,
      sourceUrl: essay.meta.sourceUrl ?? null,
      retrieved: essay.meta.retrieved,
      notes: essay.meta.notes,
      origin: "teacher",
      ownerId: viewerId,
      isShared: input.isShared,
      revisions: { create: { number: 1, contentHash: essay.contentHash, text: essay.text, blocks: essay.blocks as unknown as object } },
    },
  });
}

/**
 * Edits the owner's reading. Changed text becomes a new revision and the
 * annotations are re-anchored onto it in the same transaction, exactly as
 * when a content file changes.
 */
export async function editReading({ viewerId, essayId, input }: { viewerId: string; essayId: string; input: ReadingInput }) {
  const current = await db.essay.findFirst({
    where: { id: essayId, ownerId: viewerId, origin: "teacher" },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  if (!current) throw notFound("That reading");
  const essay = toEssay(current.slug, input);
  return db.$transaction(async (tx) => {
    await tx.essay.update({
      where: { id: essayId },
      data: {
        title: essay.meta.title,
        author: essay.meta.author,
        source: essay.meta.source,
        sourceUrl: essay.meta.sourceUrl ?? null,
        retrieved: essay.meta.retrieved,
        notes: essay.meta.notes,
        isShared: input.isShared,
      },
    });
    const latest = current.revisions[0];
    if (latest?.contentHash === essay.contentHash) return { newRevision: null, reanchored: null };
    const revision = await tx.essayRevision.create({
      data: {
        essayId,
        number: (latest?.number ?? 0) + 1,
        contentHash: essay.contentHash,
        text: essay.text,
        blocks: essay.blocks as unknown as object,
      },
    });
    const reanchored = await reanchorEssay(tx, { essayId, toRevisionId: revision.id });
    return { newRevision: revision.number, reanchored };
  });
}

/** A reading the viewer added, with its current revision; null for anyone else's. */
export function findOwnReading({ viewerId, essayId }: { viewerId: string; essayId: string }) {
  return db.essay.findFirst({
    where: { id: essayId, ownerId: viewerId, origin: "teacher" },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
}
