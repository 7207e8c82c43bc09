import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { assembleSourceText, ocrPageLimit, pictureSourceText, readOcrPage, readPdfPage, type FoundPage, type OcrPage, type SourceText } from "@/lib/sources";
import { loadBytes, storeBytes } from "./file-store";
import { runSourceTask } from "./source-pool";
import { writeSourceRevision } from "./write-source-revision";

/** A file at fault (unreadable, too many pages, scripts, no text): trying again cannot help, so it is not retried. */
export class SourceRefused extends Error {}

/** Scans are drawn at this resolution for OCR: Tesseract reads best at about 300 dpi. */
const SCAN_DPI = 300;
/** A PDF whose pages average fewer characters than this has no real text layer (a page number at most): it is a scan. */
const MIN_TEXT_PER_PAGE = 10;
/** Progress is written at most this often: a page of OCR reports dozens of steps. */
const PROGRESS_EVERY_MS = 750;

type Progress = (fraction: number, stage: string) => void;

/**
 * Does one upload's work, as the queue's handler (source-queue.ts) calls it:
 * reads the file's text layer, or transcribes it by OCR page by page, in a
 * worker thread; then stores the text as the reading's next revision and
 * re-anchors the annotations. Progress and stage go to the job's row for the
 * teacher's page. Throws SourceRefused for a file at fault; any other error
 * is the queue's to retry.
 */
export async function processSourceJob({ sourceJobId, attempt, signal }: { sourceJobId: string; attempt: number; signal?: AbortSignal }): Promise<void> {
  const job = await db.sourceJob.findUnique({
    where: { id: sourceJobId },
    select: {
      id: true,
      status: true,
      essay: { select: { id: true, ownerId: true, sourceKind: true, altText: true } },
      sourceFile: { select: { id: true, essayId: true, sha256: true, mediaType: true, bytes: true, storageKey: true } },
    },
  });
  // The reading was deleted meanwhile, or a copy of this job already finished.
  if (!job || job.status === "done") return;
  await db.sourceJob.update({ where: { id: job.id }, data: { status: "running", attempts: attempt, stage: "Starting", progress: 0, message: null } });
  const report = progressWriter(job.id);
  const bytes = await loadBytes(job.sourceFile);

  const made =
    job.essay.sourceKind === "image"
      ? await readPicture(bytes, job.sourceFile.mediaType, job.essay.altText ?? "", report, signal)
      : job.sourceFile.mediaType === "application/pdf"
        ? await readPdfSource(bytes, report, signal)
        : await readImageSource(bytes, job.sourceFile.mediaType, report, signal);
  if (made.source.text.trim() === "") {
    throw new SourceRefused(
      made.kind === "text"
        ? "No text was found in this PDF."
        : "No text could be read in this file. Upload a sharper scan (300 dpi, straight, good contrast), or a PDF with a text layer.",
    );
  }
  report.flush(1, "Saving the text");
  // Pictures made from the file (a TIFF's pages as PNG) are stored like uploads, before their rows.
  const pictures = await Promise.all(
    made.derived.map(async ({ png }) => {
      const sha256 = createHash("sha256").update(png).digest("hex");
      return { sha256, byteSize: png.byteLength, ...(await storeBytes({ sha256, mediaType: "image/png", bytes: png })) };
    }),
  );
  await db.$transaction(
    async (tx) => {
      const derivedIds: string[] = [];
      for (const picture of pictures) {
        const row = await tx.sourceFile.create({
          data: { essayId: job.sourceFile.essayId, mediaType: "image/png", isDerived: true, ...picture },
          select: { id: true },
        });
        derivedIds.push(row.id);
      }
      const source = withPictures(made.source, job.sourceFile.id, derivedIds);
      const written = await writeSourceRevision(tx, {
        essayId: job.essay.id,
        sourceFileId: job.sourceFile.id,
        fileSha256: job.sourceFile.sha256,
        source,
        ...(job.essay.ownerId ? { reportTo: { viewerId: job.essay.ownerId } } : {}),
      });
      await tx.essay.update({ where: { id: job.essay.id }, data: { sourceKind: made.kind === "picture" ? "image" : made.kind === "text" ? "pdf" : "scan" } });
      await tx.sourceJob.update({
        where: { id: job.id },
        data: { status: "done", progress: 100, stage: written.isNew ? `Revision ${written.number} is ready` : "The text is unchanged", revisionNumber: written.number },
      });
    },
    { timeout: 60_000 },
  );
}

type Made = { kind: "text" | "ocr" | "picture"; source: SourceText; derived: { png: Uint8Array }[] };

/**
 * A picture annotated as a picture: only its size is read (and a TIFF drawn
 * as PNG for the browser), nothing is transcribed; its text is its description.
 */
async function readPicture(bytes: Uint8Array, mediaType: string, altText: string, report: ReturnType<typeof progressWriter>, signal?: AbortSignal): Promise<Made> {
  report.flush(0, "Reading the picture");
  const read = await runSourceTask("readImage", { bytes, mediaType }, { signal });
  if ("refused" in read) throw new SourceRefused(read.refused);
  if (read.pages.length > 1) {
    throw new SourceRefused(`This TIFF holds ${read.pages.length} pictures; a picture to annotate is one. Upload each picture as its own reading, or the pages as a scan.`);
  }
  const [picture] = read.pages;
  return { kind: "picture", source: pictureSourceText(altText, { width: picture.width, height: picture.height }), derived: picture.png ? [{ png: picture.png }] : [] };
}

async function readPdfSource(bytes: Uint8Array, report: ReturnType<typeof progressWriter>, signal?: AbortSignal): Promise<Made> {
  report.flush(0, "Reading the PDF");
  const read = await runSourceTask("readPdf", { bytes }, { signal, onMessage: (m) => report.set(Number(m.progress ?? 0) * 0.5, String(m.stage ?? "")) });
  if ("refused" in read) throw new SourceRefused(read.refused);
  if (read.characters >= MIN_TEXT_PER_PAGE * read.pageCount) {
    return { kind: "text", source: assembleSourceText("pdf", read.pages.map(readPdfPage)), derived: [] };
  }
  const tooMany = ocrPageLimit(read.pageCount);
  if (tooMany) throw new SourceRefused(tooMany);
  const pages: FoundPage[] = [];
  for (let n = 1; n <= read.pageCount; n++) {
    const stage = `Transcribing page ${n} of ${read.pageCount}`;
    const base = (n - 1) / read.pageCount;
    report.flush(base, stage);
    const drawn = await runSourceTask("drawPdfPage", { bytes, pageNumber: n, dpi: SCAN_DPI }, { signal });
    const ocr = await runSourceTask("recognize", { image: drawn.png }, { signal, onMessage: pageProgress(report, base, read.pageCount, stage) });
    // OCR boxes are pixels of the 300 dpi picture; the page is drawn by pdf.js in points.
    pages.push(readOcrPage(scaleOcr({ ...ocr, width: drawn.width, height: drawn.height }, 72 / SCAN_DPI)));
  }
  return { kind: "ocr", source: assembleSourceText("pdf", pages), derived: [] };
}

async function readImageSource(bytes: Uint8Array, mediaType: string, report: ReturnType<typeof progressWriter>, signal?: AbortSignal): Promise<Made> {
  report.flush(0, "Reading the picture");
  const read = await runSourceTask("readImage", { bytes, mediaType }, { signal });
  if ("refused" in read) throw new SourceRefused(read.refused);
  const pages: FoundPage[] = [];
  const derived: { png: Uint8Array }[] = [];
  for (const [i, picture] of read.pages.entries()) {
    const stage = read.pages.length > 1 ? `Transcribing page ${i + 1} of ${read.pages.length}` : "Transcribing the picture";
    const base = i / read.pages.length;
    report.flush(base, stage);
    const ocr = await runSourceTask("recognize", { image: picture.png ?? bytes }, { signal, onMessage: pageProgress(report, base, read.pages.length, stage) });
    pages.push(readOcrPage({ ...ocr, width: picture.width, height: picture.height }));
    if (picture.png) derived.push({ png: picture.png });
  }
  return { kind: "ocr", source: assembleSourceText("image", pages), derived };
}

/** Each image page shows its own picture: the upload itself, or the PNG made from its TIFF page. */
function withPictures(source: SourceText, fileId: string, derivedIds: string[]): SourceText {
  if (source.geometry.kind !== "image") return source;
  const pages = source.geometry.pages.map((page, i) => ({ ...page, imageFileId: derivedIds[i] ?? fileId }));
  return { ...source, geometry: { ...source.geometry, pages } };
}

function scaleOcr(page: OcrPage, factor: number): OcrPage {
  const s = (n: number) => n * factor;
  return {
    ...page,
    paragraphs: page.paragraphs.map((p) => ({
      lines: p.lines.map((l) => ({ words: l.words.map((w) => ({ ...w, bbox: { x0: s(w.bbox.x0), y0: s(w.bbox.y0), x1: s(w.bbox.x1), y1: s(w.bbox.y1) } })) })),
    })),
  };
}

function pageProgress(report: ReturnType<typeof progressWriter>, base: number, pageCount: number, stage: string) {
  return (message: Record<string, unknown>) => {
    if (typeof message.pageProgress === "number") report.set(base + message.pageProgress / pageCount, stage);
  };
}

/** Writes progress to the job's row, at most every PROGRESS_EVERY_MS; a lost write only delays the bar. */
function progressWriter(jobId: string) {
  let last = 0;
  const write = (fraction: number, stage: string) => {
    last = Date.now();
    const progress = Math.max(0, Math.min(99, Math.floor(fraction * 100)));
    db.sourceJob.updateMany({ where: { id: jobId, status: "running" }, data: { progress, stage } }).catch(() => {});
  };
  const progress: Progress = (fraction, stage) => {
    if (Date.now() - last >= PROGRESS_EVERY_MS) write(fraction, stage);
  };
  return { set: progress, flush: write };
}
