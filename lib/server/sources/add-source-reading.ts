import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { MAX_SOURCE_BYTES, needsAltText, sniffMediaType } from "@/lib/sources";
import type { SourceReadingInput } from "@/lib/validation/source-reading";
import { provenanceColumns } from "@/lib/server/essays/provenance";
import { insertWithFreeSlug, requireTeacher } from "@/lib/server/essays/reading-writes";
import { storeBytes } from "./file-store";
import { enqueueSourceJob } from "./source-queue";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Checks an upload's size and real type (from its bytes), with a sentence for the teacher. */
function checkFile(file: UploadedFile) {
  if (file.bytes.byteLength === 0) throw new AppError("invalid", "The file is empty. Choose it again.");
  if (file.bytes.byteLength > MAX_SOURCE_BYTES) {
    throw new AppError("too_large", `The file is larger than ${MAX_SOURCE_BYTES / (1024 * 1024)} MB. Upload the pages the class reads, or a scan at 300 dpi.`);
  }
  const mediaType = sniffMediaType(file.bytes);
  if (!mediaType) throw new AppError("unsupported_media", "Upload a PDF, or a scan or photograph as JPEG, PNG or TIFF.");
  return { mediaType, sha256: createHash("sha256").update(file.bytes).digest("hex") };
}

/** The file's row; its bytes are stored first (in the row, or in the bucket, lib/server/sources/file-store). */
async function fileRow(viewerId: string, file: UploadedFile, checked: ReturnType<typeof checkFile>) {
  return {
    sha256: checked.sha256,
    mediaType: checked.mediaType,
    byteSize: file.bytes.byteLength,
    ...(await storeBytes({ sha256: checked.sha256, mediaType: checked.mediaType, bytes: file.bytes })),
    fileName: file.name.slice(0, 200),
    createdById: viewerId,
  };
}

/** A picture (anything but a PDF) must say what it shows, for those who cannot see it: on upload and on every edit. */
export function requireAltText(mediaType: string, altText: string) {
  if (needsAltText(mediaType) && altText === "") {
    throw new AppError("invalid", "Describe the picture in a sentence or two (its alt text), for those who cannot see it.");
  }
}

/**
 * Adds a reading from an uploaded PDF, scan or photograph: the essay (private
 * to the teacher's classes unless shared), its file and a job, in one
 * transaction; the job is then queued. The reading has no revision until the
 * job has read or transcribed the file, so it cannot be assigned before.
 */
export async function addSourceReading({ viewerId, input, file }: { viewerId: string; input: SourceReadingInput; file: UploadedFile }) {
  await requireTeacher(viewerId);
  const checked = checkFile(file);
  requireAltText(checked.mediaType, input.altText);
  const isPicture = input.pictureUse === "annotate";
  if (isPicture && checked.mediaType === "application/pdf") {
    throw new AppError("invalid", "A PDF is read as text. To annotate a picture, upload it as JPEG, PNG or TIFF.");
  }
  const row = await fileRow(viewerId, file, checked);
  const created = await insertWithFreeSlug(input.title, (slug) =>
    db.$transaction(async (tx) => {
      const essay = await tx.essay.create({
        data: {
          slug,
          ...provenanceColumns(input),
          origin: "teacher",
          ownerId: viewerId,
          isShared: input.isShared,
          sourceKind: isPicture ? "image" : checked.mediaType === "application/pdf" ? "pdf" : "scan",
          altText: input.altText || null,
        },
        select: { id: true, slug: true },
      });
      const sourceFile = await tx.sourceFile.create({ data: { essayId: essay.id, ...row }, select: { id: true } });
      const job = await tx.sourceJob.create({ data: { essayId: essay.id, sourceFileId: sourceFile.id }, select: { id: true } });
      return { essay, job };
    }),
  );
  await enqueueSourceJob(created.job.id);
  return created;
}

/**
 * The owner replaces a reading's file with a corrected one: a new job that
 * makes the next revision, to which the annotations re-anchor.
 */
export async function replaceSourceFile({ viewerId, essayId, file }: { viewerId: string; essayId: string; file: UploadedFile }) {
  const essay = await db.essay.findFirst({ where: { id: essayId, ownerId: viewerId, origin: "teacher", sourceKind: { not: "text" } }, select: { id: true, sourceKind: true } });
  if (!essay) throw notFound("That reading");
  // Its regions are pixels of this picture: another picture would put them in the wrong places.
  if (essay.sourceKind === "image") {
    throw new AppError("invalid", "A picture's regions are marked on this very picture, so it cannot be replaced. Add the new picture as a reading of its own.");
  }
  const checked = checkFile(file);
  const row = await fileRow(viewerId, file, checked);
  const job = await db.$transaction(async (tx) => {
    const sourceFile = await tx.sourceFile.create({ data: { essayId: essay.id, ...row }, select: { id: true } });
    return tx.sourceJob.create({ data: { essayId: essay.id, sourceFileId: sourceFile.id }, select: { id: true } });
  });
  await enqueueSourceJob(job.id);
  return { job };
}

/** The progress of the owner's newest job on a reading (null for anyone else's reading, or none). */
export async function findSourceStatus({ viewerId, essayId }: { viewerId: string; essayId: string }) {
  const job = await db.sourceJob.findFirst({
    where: { essayId, essay: { ownerId: viewerId } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, progress: true, stage: true, message: true, revisionNumber: true, attempts: true, updatedAt: true },
  });
  if (!job) throw notFound("That reading");
  return { job: { ...job, updatedAt: job.updatedAt.toISOString() } };
}
