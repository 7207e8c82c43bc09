import "server-only";
import { createTextIndex, indexToUtf16 } from "@/lib/anchoring";
import type { Block } from "@/lib/content";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { readStoredGeometry, reviseTranscription, type SourceText } from "@/lib/sources";
import { writeSourceRevision } from "./write-source-revision";

/** The current revision of a scan's transcription, with what reviseTranscription needs. */
async function loadTranscription(tx: Tx, essayId: string) {
  const latest = await tx.essayRevision.findFirst({
    where: { essayId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, text: true, blocks: true, geometry: true, sourceFile: { select: { id: true, sha256: true } } },
  });
  const geometry = readStoredGeometry(latest?.geometry);
  if (!latest || !geometry || !latest.sourceFile) return null;
  const source: SourceText = { text: latest.text, blocks: latest.blocks as unknown as Block[], geometry };
  return { ...latest, sourceFile: latest.sourceFile, source };
}

/**
 * The owner corrects the OCR transcription of a scan: the corrected text (one
 * paragraph per line) becomes the next revision, every word keeping its box
 * (lib/sources/revise-transcription), and the annotations re-anchor as after
 * any edit. `revision` is the one the teacher corrected: an older one is 409.
 */
export async function correctTranscription({ viewerId, essayId, text, revision }: { viewerId: string; essayId: string; text: string; revision: number }) {
  const essay = await db.essay.findFirst({ where: { id: essayId, ownerId: viewerId, origin: "teacher", sourceKind: "scan" }, select: { id: true } });
  if (!essay) throw notFound("That transcription");
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${essayId}))`;
      const current = await loadTranscription(tx, essayId);
      if (!current) throw notFound("That transcription");
      if (current.number !== revision) throw new AppError("conflict", "The transcription changed since you opened it. Reload the page to see the new revision, then correct it again.");
      const revised = reviseTranscription(current.source, text);
      if (revised.text === "") throw new AppError("invalid", "The transcription cannot be empty.");
      const written = await writeSourceRevision(tx, {
        essayId,
        sourceFileId: current.sourceFile.id,
        fileSha256: current.sourceFile.sha256,
        source: revised,
        reportTo: { viewerId },
      });
      return { newRevision: written.isNew ? written.number : null, reanchored: written.reanchored };
    },
    { timeout: 60_000 },
  );
}

/**
 * Applies a verified transcription-error flag to the transcription, inside
 * the teacher's review transaction: the flagged words become the correction
 * in a new revision, and the annotations (the flag among them, which then
 * reads "fixed in the source") re-anchor. Refused for a flag that is not on
 * the current transcription as it was made.
 */
export async function applyTranscriptionFlag(tx: Tx, { viewerId, annotationId, correction }: { viewerId: string; annotationId: string; correction: string }) {
  const flag = await tx.annotation.findUnique({
    where: { id: annotationId },
    select: { revisionId: true, startCp: true, endCp: true, anchorStatus: true, flag: { select: { category: true } }, assignment: { select: { essayId: true } } },
  });
  if (!flag || flag.flag?.category !== "transcription") throw new AppError("invalid", "Only a transcription error can be applied to the transcription.");
  const essayId = flag.assignment.essayId;
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${essayId}))`;
  const current = await loadTranscription(tx, essayId);
  if (!current || flag.revisionId !== current.id || flag.anchorStatus !== "anchored") {
    throw new AppError("conflict", "The transcription changed under this flag; correct it on the reading's edit page instead.");
  }
  const index = createTextIndex(current.text);
  const start = indexToUtf16(index, flag.startCp);
  const end = indexToUtf16(index, flag.endCp);
  const text = current.text.slice(0, start) + correction + current.text.slice(end);
  const revised = reviseTranscription(current.source, text);
  return writeSourceRevision(tx, { essayId, sourceFileId: current.sourceFile.id, fileSha256: current.sourceFile.sha256, source: revised, reportTo: { viewerId } });
}
