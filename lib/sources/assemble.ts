import type { Block } from "../content/types";
import type { FoundPage, SourceGeometry, SourceText, TextRun } from "./types";

/** Page units are kept to a tenth: finer than any screen shows, and the JSON stays small. */
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Turns what an extractor found on each page into canonical text, exactly as
 * lib/content does for an essay: one block per paragraph, blocks joined by
 * "\n", the lines of a paragraph joined by one space. Every block remembers its
 * page, so no block crosses a page boundary, and every run keeps its box.
 * Whitespace inside a run is collapsed to single spaces; runs that are only
 * whitespace are dropped.
 */
export function assembleSourceText(kind: SourceGeometry["kind"], pages: FoundPage[]): SourceText {
  let text = "";
  const blocks: Block[] = [];
  const runs: TextRun[] = [];
  const geometryPages: SourceGeometry["pages"] = [];

  pages.forEach((page, p) => {
    const pageStart = blocks.length > 0 ? text.length + 1 : text.length;
    let hasText = false;
    for (const paragraph of page.paragraphs) {
      const lines = paragraph.map((line) => line.map((run) => ({ ...run, text: run.text.replace(/\s+/g, " ").trim() })).filter((run) => run.text !== ""));
      if (lines.every((line) => line.length === 0)) continue;
      if (blocks.length > 0) text += "\n";
      const start = text.length;
      let isFirstInBlock = true;
      for (const line of lines) {
        line.forEach((run, i) => {
          if (!isFirstInBlock && (i === 0 || run.spaceBefore)) text += " ";
          isFirstInBlock = false;
          const s = text.length;
          text += run.text;
          runs.push({
            p,
            s,
            e: text.length,
            x: round(run.box.x),
            y: round(run.box.y),
            w: round(run.box.w),
            h: round(run.box.h),
            ...(run.confidence !== undefined ? { c: Math.round(run.confidence) } : {}),
          });
        });
      }
      blocks.push({ type: "paragraph", page: p, start, end: text.length });
      hasText = true;
    }
    geometryPages.push({ width: round(page.width), height: round(page.height), start: hasText ? pageStart : text.length, end: text.length });
  });
  return { text, blocks, geometry: { version: 1, kind, pages: geometryPages, runs } };
}
