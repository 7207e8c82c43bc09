import "server-only";
import type { Tx } from "@/lib/db";
import { sourceContentHash } from "@/lib/sources/content-hash";
import type { SourceText } from "@/lib/sources";
import { reanchorEssay, type ReanchorSummary } from "@/lib/server/essays/reanchor-essay";

/**
 * Stores a reading's text made from a file as its next revision, inside the
 * caller's transaction, and carries the annotations across exactly as an
 * edited essay does (reanchorEssay). The glossary in force is carried over.
 * The same text, blocks, geometry and file as the current revision make no
 * new revision (a retried job, the same file uploaded again).
 */
export async function writeSourceRevision(
  tx: Tx,
  { essayId, sourceFileId, fileSha256, source, reportTo }: { essayId: string; sourceFileId: string; fileSha256: string; source: SourceText; reportTo?: { viewerId: string } },
): Promise<{ number: number; revisionId: string; isNew: boolean; reanchored: ReanchorSummary | null }> {
  const contentHash = sourceContentHash(source, fileSha256);
  const latest = await tx.essayRevision.findFirst({
    where: { essayId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, contentHash: true, glossary: true },
  });
  if (latest?.contentHash === contentHash) return { number: latest.number, revisionId: latest.id, isNew: false, reanchored: null };
  const revision = await tx.essayRevision.create({
    data: {
      essayId,
      number: (latest?.number ?? 0) + 1,
      contentHash,
      text: source.text,
      blocks: source.blocks as unknown as object,
      geometry: source.geometry as unknown as object,
      sourceFileId,
      ...(latest?.glossary ? { glossary: latest.glossary } : {}),
    },
  });
  const reanchored = latest ? await reanchorEssay(tx, { essayId, toRevisionId: revision.id, reportTo }) : null;
  return { number: revision.number, revisionId: revision.id, isNew: true, reanchored };
}
