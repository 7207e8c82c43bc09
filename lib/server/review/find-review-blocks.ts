import "server-only";
import type { Block } from "@/lib/content";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";

/**
 * The block structure (headings, paragraphs, bullets) of the essay revision
 * a teacher reviews, for the heatmap to lay the text out as the reader does.
 * Teachers of the assignment's class only; anyone else gets not_found.
 */
export async function findReviewBlocks({
  viewerId,
  assignmentId,
  revisionId,
}: {
  viewerId: string;
  assignmentId: string;
  revisionId: string;
}): Promise<Block[]> {
  const row = await db.essayRevision.findFirst({
    where: { id: revisionId, essay: { assignments: { some: { id: assignmentId, ...taughtBy(viewerId) } } } },
    select: { blocks: true },
  });
  if (!row) throw notFound("That assignment");
  return row.blocks as unknown as Block[];
}
