import type { Box, FoundPage, FoundRun } from "./types";

/** A text item of a PDF page as the extractor hands it over: pdf.js's text content, put in page coordinates. */
export interface PdfTextItem {
  str: string;
  /** Top-left corner and size, in PDF points with the origin at the page's top left (rotation applied). */
  box: Box;
  /** pdf.js: a line ends after this item. */
  hasEOL: boolean;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/*
 * Lines and paragraphs from positions alone, with two rules and no font
 * metrics: an item starts a new line after an end of line or when its top
 * moves by more than half its height, and a line starts a new paragraph when
 * the gap above it is larger than 0.9 of the line before (ordinary leading is
 * about 0.2 of a line; a blank line is more than one). A gap inside a line of
 * more than 0.15 of its height is a space between words.
 */
const NEW_LINE_SHIFT = 0.5;
const PARAGRAPH_GAP = 0.9;
const WORD_GAP = 0.15;

interface Line {
  runs: FoundRun[];
  top: number;
  height: number;
  right: number;
}

/** Groups one PDF page's text items into the paragraphs of lines that assembleSourceText reads. */
export function readPdfPage(page: PdfPageText): FoundPage {
  const lines: Line[] = [];
  let line: Line | null = null;
  let isLineEnded = true;
  for (const item of page.items) {
    const raw = item.str;
    if (raw.trim() === "") {
      if (item.hasEOL) isLineEnded = true;
      continue;
    }
    const { box } = item;
    const h = Math.max(box.h, 0.01);
    const startsLine = !line || isLineEnded || Math.abs(box.y - line.top) > NEW_LINE_SHIFT * Math.max(h, line.height);
    if (startsLine) {
      line = { runs: [], top: box.y, height: h, right: box.x + box.w };
      lines.push(line);
    }
    const current = line!;
    const gap = box.x - current.right;
    const spaceBefore = !startsLine && (/^\s/.test(raw) || /\s$/.test(current.runs.at(-1)?.text ?? "") || gap > WORD_GAP * h);
    current.runs.push({ text: raw, box, spaceBefore });
    current.right = Math.max(current.right, box.x + box.w);
    current.height = Math.max(current.height, h);
    isLineEnded = item.hasEOL;
  }

  const paragraphs: FoundRun[][][] = [];
  let previous: Line | null = null;
  for (const l of lines) {
    const gap = previous ? l.top - (previous.top + previous.height) : 0;
    if (!previous || gap > PARAGRAPH_GAP * previous.height || gap < -previous.height * 2) paragraphs.push([]);
    paragraphs.at(-1)!.push(l.runs);
    previous = l;
  }
  return { width: page.width, height: page.height, paragraphs };
}
