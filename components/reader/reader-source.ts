import type { SourceGeometry } from "@/lib/sources";
import type { PictureInfo } from "./picture-context";

/** What the page view needs of a reading made from a file. */
export interface ReaderSource {
  geometry: SourceGeometry;
  /** The PDF the pages are drawn from; null for pictures (each page names its own). */
  fileUrl: string | null;
  altText: string | null;
  /** A transcription by OCR: words read with low confidence are marked, and transcription errors can be flagged. */
  isScan: boolean;
  /** A picture annotated as a picture: its annotations mark regions of it (lib/sources/regions.ts), not words. */
  isPicture?: boolean;
}

/** A picture reading's one picture, or null for any other reading. */
export function pictureOf(source: ReaderSource | undefined): PictureInfo | null {
  const page = source?.isPicture ? source.geometry.pages[0] : undefined;
  if (!page?.imageFileId) return null;
  return { src: `/api/source-files/${page.imageFileId}`, alt: source?.altText ?? "", width: page.width, height: page.height };
}
