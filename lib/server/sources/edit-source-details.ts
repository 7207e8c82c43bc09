import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { SourceReadingInput } from "@/lib/validation/source-reading";
import { provenanceColumns } from "@/lib/server/essays/provenance";
import { requireAltText } from "./add-source-reading";

/**
 * The owner edits a file reading's provenance (title, author, source, link,
 * date, notes, sharing, the picture's description) in place, as a content
 * file's front matter changes its essay: the text and its revisions are
 * untouched, so no annotation moves. A picture keeps needing its description.
 */
export async function editSourceDetails({ viewerId, essayId, input }: { viewerId: string; essayId: string; input: SourceReadingInput }) {
  const essay = await db.essay.findFirst({
    where: { id: essayId, ownerId: viewerId, origin: "teacher", sourceKind: { not: "text" } },
    select: { id: true, sourceFiles: { where: { isDerived: false }, orderBy: { createdAt: "desc" }, take: 1, select: { mediaType: true } } },
  });
  if (!essay) throw notFound("That reading");
  requireAltText(essay.sourceFiles[0]?.mediaType ?? "application/pdf", input.altText);
  const saved = await db.essay.update({
    where: { id: essay.id },
    data: { ...provenanceColumns(input), isShared: input.isShared, altText: input.altText || null },
    select: { id: true, slug: true, title: true },
  });
  return { essay: saved };
}
