import type { Block } from "../content/types";

/**
 * Where a reading's text stands on the pages of the file it came from. Stored
 * with each revision (`essay_revisions.geometry`); offsets are UTF-16 offsets
 * into that revision's canonical text, boxes are in page units (PDF points at
 * scale 1, or image pixels) with the origin at the page's top left.
 */
export interface SourceGeometry {
  version: 1;
  /** "pdf": pages of a PDF (drawn by pdf.js); "image": one picture per page (a photograph or a scan as an image). */
  kind: "pdf" | "image";
  pages: PageGeometry[];
  /** Every piece of text with a place on a page, in text order. */
  runs: TextRun[];
}

export interface PageGeometry {
  width: number;
  height: number;
  /** For "image" pages: the stored picture the reader shows (the upload itself, or a PNG made from a TIFF page). */
  imageFileId?: string;
  /** The page's text is text.slice(start, end); a page without text has start === end. */
  start: number;
  end: number;
}

/** One piece of text (a PDF text item, or an OCR word) and its box. */
export interface TextRun {
  /** Page index, 0-based. */
  p: number;
  /** text.slice(s, e) is the run's text. */
  s: number;
  e: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** OCR confidence, 0–100; absent for text that came from a text layer (or was corrected by a teacher). */
  c?: number;
}

/** A box in page units. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A word or text item as it was found on a page, before it has an offset. */
export interface FoundRun {
  text: string;
  box: Box;
  confidence?: number;
  /** Whether a space stands between this run and the one before it on the same line. */
  spaceBefore: boolean;
}

/** What an extractor (PDF text layer or OCR) hands over for one page. */
export interface FoundPage {
  width: number;
  height: number;
  /** Paragraphs of lines of runs, in reading order. */
  paragraphs: FoundRun[][][];
}

/** A reading's canonical text made from a file: the same shape lib/content gives, plus where it stands. */
export interface SourceText {
  text: string;
  blocks: Block[];
  geometry: SourceGeometry;
}
