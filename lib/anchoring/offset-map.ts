import type { Span } from "./types";

/** oldText[oldStart..oldEnd) became newText[newStart..newEnd) (UTF-16 offsets). */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * What changed between two revisions: sorted, disjoint hunks; everything
 * between them is equal text, shifted by the hunks before it.
 */
export interface OffsetMap {
  oldLength: number;
  newLength: number;
  hunks: Hunk[];
}

/** Where an old offset lands; inside a hunk, "start" snaps to its beginning and "end" to its end. */
export function mapOffset(map: OffsetMap, offset: number, bias: "start" | "end"): number {
  const { hunks } = map;
  let lo = 0;
  let hi = hunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hunks[mid].oldStart <= offset) lo = mid + 1;
    else hi = mid;
  }
  const h = hunks[lo - 1];
  if (!h) return offset;
  if (offset > h.oldEnd) return offset + (h.newEnd - h.oldEnd);
  if (h.oldStart === h.oldEnd) {
    // Text inserted exactly here belongs to neither side of a span boundary.
    return bias === "start" ? h.newEnd : h.newStart;
  }
  if (offset === h.oldEnd) return h.newEnd;
  if (offset === h.oldStart) return h.newStart;
  return bias === "start" ? h.newStart : h.newEnd;
}

/** An old span carried into the new text. */
export interface MappedSpan extends Span {
  /** An edit falls inside the span (not just at its edges). */
  touched: boolean;
  /** The span had text and none of it survives. */
  deleted: boolean;
}

/** Hunks whose old side overlaps old[start..end), or an insertion strictly inside it. */
export function findHunksWithin(map: OffsetMap, start: number, end: number): Hunk[] {
  const out: Hunk[] = [];
  let lo = 0;
  let hi = map.hunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map.hunks[mid].oldEnd <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < map.hunks.length && map.hunks[i].oldStart < end; i++) {
    const h = map.hunks[i];
    if (h.oldEnd > start) out.push(h);
  }
  return out;
}

/** Carries a span of the old text into the new one. */
export function mapSpan(map: OffsetMap, span: Span): MappedSpan {
  const start = mapOffset(map, span.start, "start");
  const end = Math.max(start, mapOffset(map, span.end, "end"));
  return {
    start,
    end,
    touched: findHunksWithin(map, span.start, span.end).length > 0,
    deleted: span.end > span.start && end === start,
  };
}

/**
 * Share (0..1) of old[start..end) the diff left alone; inserted text inside
 * the window counts against it too.
 */
export function measureCarriedShare(map: OffsetMap, start: number, end: number): number {
  if (end <= start) return 1;
  let changed = 0;
  for (const h of findHunksWithin(map, start, end)) {
    changed += Math.min(end, h.oldEnd) - Math.max(start, h.oldStart);
    if (h.oldStart === h.oldEnd) changed += h.newEnd - h.newStart;
  }
  return Math.max(0, 1 - changed / (end - start));
}

/** The new text's changed regions (non-empty new sides of hunks), sorted. */
export function listChangedRegions(map: OffsetMap): Span[] {
  return map.hunks.filter((h) => h.newEnd > h.newStart).map((h) => ({ start: h.newStart, end: h.newEnd }));
}
