import type { FoundPage, FoundRun } from "./types";

/** Words Tesseract is less sure of than this (0–100) are marked for the reader as possibly misread. */
export const LOW_CONFIDENCE = 60;

/** One recognised word, as tesseract.js reports it (bbox in image pixels). */
export interface OcrWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** A recognised page: tesseract.js's blocks → paragraphs → lines → words, reduced to what we keep. */
export interface OcrPage {
  width: number;
  height: number;
  paragraphs: { lines: { words: OcrWord[] }[] }[];
}

/** An OCR result as the paragraphs of lines of words that assembleSourceText reads; every word is a run with its box. */
export function readOcrPage(page: OcrPage): FoundPage {
  return {
    width: page.width,
    height: page.height,
    paragraphs: page.paragraphs.map((paragraph) =>
      paragraph.lines.map((line) =>
        line.words.map(
          (word): FoundRun => ({
            text: word.text,
            confidence: word.confidence,
            spaceBefore: true,
            box: { x: word.bbox.x0, y: word.bbox.y0, w: word.bbox.x1 - word.bbox.x0, h: word.bbox.y1 - word.bbox.y0 },
          }),
        ),
      ),
    ),
  };
}

/** Whether a run's words were read with low confidence (only OCR runs have a confidence). */
export function isLowConfidence(run: { c?: number }): boolean {
  return run.c !== undefined && run.c < LOW_CONFIDENCE;
}
