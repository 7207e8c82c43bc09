/**
 * What a teacher may upload as a reading (README "Readings from PDFs, scans and images").
 * The limits keep one upload from holding a worker for long: text extraction reads about
 * 50 pages a second, OCR takes several seconds a page on this machine's kind.
 */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
/** Pages of a PDF with a text layer. */
export const MAX_PDF_PAGES = 500;
/** Pages that are transcribed by OCR (a scanned PDF, a multi-page TIFF). */
export const MAX_OCR_PAGES = 30;
/** An image larger than this (in pixels) is refused before it is decoded: a small file can declare a huge picture. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export type SourceMediaType = "application/pdf" | "image/png" | "image/jpeg" | "image/tiff";

/**
 * The file's type from its first bytes, never from its name or the browser's
 * claim: a PDF, PNG, JPEG or TIFF, or null for anything else.
 */
export function sniffMediaType(bytes: Uint8Array): SourceMediaType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  // "%PDF-" may follow a little junk (the PDF reference allows 1,024 bytes); look near the start.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "application/pdf";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return "image/tiff";
  return null;
}

/** Whether the reader can show the file as it is (browsers show no TIFF). */
export function isDisplayableImage(mediaType: string): boolean {
  return mediaType === "image/png" || mediaType === "image/jpeg";
}

/** The refusal of a PDF without a text layer that has more pages than OCR reads, or null when it may be read. */
export function ocrPageLimit(pageCount: number): string | null {
  return pageCount > MAX_OCR_PAGES
    ? `This PDF has no text layer, so it would be transcribed by OCR, which reads at most ${MAX_OCR_PAGES} pages; it has ${pageCount}. Upload the pages the class reads.`
    : null;
}

/** Whether a file is a picture that must come with a sentence saying what it shows (every upload but a PDF). */
export function needsAltText(mediaType: string): boolean {
  return mediaType !== "application/pdf";
}
