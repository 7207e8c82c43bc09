import type { Box, PageGeometry, SourceGeometry, TextRun } from "./types";

/** Characters of context around a quote inside its page, as lib/anchoring's describe uses for the whole text. */
const PAGE_CONTEXT = 32;

/** Index of the page whose text holds `offset` (a page's end counts as its own); -1 when there are no pages. */
export function pageIndexAt(pages: readonly Pick<PageGeometry, "start" | "end">[], offset: number): number {
  let found = -1;
  for (let i = 0; i < pages.length; i++) {
    if (pages[i].start === pages[i].end) continue;
    if (pages[i].start <= offset) found = i;
    else break;
  }
  return found;
}

/**
 * A selection kept inside one page, as on paper (and as Hypothesis does): a
 * span that runs onto the next page is cut at the end of the page it starts on.
 */
export function clampToPage(pages: readonly Pick<PageGeometry, "start" | "end">[], span: { start: number; end: number }): { start: number; end: number } {
  const index = pageIndexAt(pages, span.start);
  if (index < 0) return span;
  return { start: span.start, end: Math.min(span.end, pages[index].end) };
}

/** Whether a span lies within one page (always true for a reading without pages). */
export function isWithinOnePage(pages: readonly Pick<PageGeometry, "start" | "end">[], span: { start: number; end: number }): boolean {
  const index = pageIndexAt(pages, span.start);
  return index < 0 || span.end <= pages[index].end;
}

/**
 * The page a span stands on (1-based, as a PDF fragment `page=N` counts) and
 * the span quoted within that page's text alone, for a W3C FragmentSelector
 * refined by a TextQuoteSelector. Null for a span outside every page.
 */
export function describeOnPage(
  text: string,
  geometry: Pick<SourceGeometry, "pages">,
  span: { start: number; end: number },
): { page: number; exact: string; prefix: string; suffix: string } | null {
  const index = pageIndexAt(geometry.pages, span.start);
  if (index < 0) return null;
  const page = geometry.pages[index];
  const end = Math.min(span.end, page.end);
  return {
    page: index + 1,
    exact: text.slice(span.start, end),
    prefix: text.slice(Math.max(page.start, span.start - PAGE_CONTEXT), span.start),
    suffix: text.slice(end, Math.min(page.end, end + PAGE_CONTEXT)),
  };
}

/** The runs of one page that overlap [start, end). */
export function runsOverlapping(runs: readonly TextRun[], page: number, start: number, end: number): TextRun[] {
  return runs.filter((r) => r.p === page && r.s < end && r.e > start);
}

/**
 * The box around a span's words on its page (their union), in page units:
 * what a media fragment `xywh=` names for a passage of a scanned image. Null
 * when none of its words has a box.
 */
export function spanBox(geometry: Pick<SourceGeometry, "pages" | "runs">, span: { start: number; end: number }): { page: number; box: Box } | null {
  const index = pageIndexAt(geometry.pages, span.start);
  if (index < 0) return null;
  const runs = runsOverlapping(geometry.runs, index, span.start, span.end);
  if (runs.length === 0) return null;
  const left = Math.min(...runs.map((r) => r.x));
  const top = Math.min(...runs.map((r) => r.y));
  const right = Math.max(...runs.map((r) => r.x + r.w));
  const bottom = Math.max(...runs.map((r) => r.y + r.h));
  return { page: index, box: { x: left, y: top, w: right - left, h: bottom - top } };
}
