import { diffTexts, mapSpan } from "../anchoring";
import type { Block } from "../content/types";
import type { SourceGeometry, SourceText } from "./types";

/** A transcription as a teacher edits it: one paragraph per line, blank lines ignored. */
export function normalizeTranscription(input: string): string {
  return input
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/**
 * A corrected transcription (a teacher's edit, or a verified transcription
 * error applied) with the geometry carried over: one diff between the old and
 * the new text, every word's box moved with its word. A word the edit touched
 * keeps its box and loses its OCR confidence, since a person has now read it;
 * a word the edit deleted loses its box; words typed where no word stood have
 * no box (they show in the text view only). Paragraphs are the new text's
 * lines, each on the page where its first character was.
 */
export function reviseTranscription(old: SourceText, correctedText: string): SourceText {
  const text = normalizeTranscription(correctedText);
  const map = diffTexts(old.text, text);
  const runs: SourceGeometry["runs"] = [];
  for (const run of old.geometry.runs) {
    const moved = mapSpan(map, { start: run.s, end: run.e });
    if (moved.deleted || moved.end <= moved.start) continue;
    const { c, ...rest } = run;
    runs.push({ ...rest, s: moved.start, e: moved.end, ...(c !== undefined && !moved.touched ? { c } : {}) });
  }
  const pages = old.geometry.pages.map((page) => {
    if (page.start === page.end) {
      const at = mapSpan(map, { start: page.start, end: page.end }).start;
      return { ...page, start: at, end: at };
    }
    const moved = mapSpan(map, { start: page.start, end: page.end });
    return { ...page, start: moved.start, end: moved.end };
  });
  const blocks: Block[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const start = offset;
    const end = start + line.length;
    offset = end + 1;
    if (line === "") continue;
    let page = 0;
    for (let i = 0; i < pages.length; i++) if (pages[i].start !== pages[i].end && pages[i].start <= start) page = i;
    blocks.push({ type: "paragraph", page, start, end });
  }
  return { text, blocks, geometry: { ...old.geometry, pages: fitPages(pages, blocks), runs } };
}

/** Page ranges redrawn around the blocks that now stand on each page. */
function fitPages(pages: SourceGeometry["pages"], blocks: Block[]): SourceGeometry["pages"] {
  let carry = 0;
  return pages.map((page, i) => {
    const own = blocks.filter((b) => b.page === i);
    if (own.length === 0) return { ...page, start: carry, end: carry };
    carry = own.at(-1)!.end;
    return { ...page, start: own[0].start, end: own.at(-1)!.end };
  });
}
