/**
 * Splits a block of text into runs covered by the same set of annotations,
 * so overlapping highlights render as nested depth rather than as broken
 * markup. Pure: spans in, runs out (UTF-16 offsets into the canonical text).
 */
export interface SpanRef {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Annotations covering this run, in the order given. */
  ids: string[];
}

export function segmentBlock(blockStart: number, blockEnd: number, spans: SpanRef[]): Segment[] {
  const inside = spans.filter((s) => s.end > blockStart && s.start < blockEnd && s.end > s.start);
  const cuts = new Set<number>([blockStart, blockEnd]);
  for (const s of inside) {
    cuts.add(Math.max(blockStart, s.start));
    cuts.add(Math.min(blockEnd, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const ids = inside.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const previous = segments.at(-1);
    // Neighbouring runs with the same cover merge, keeping the markup small.
    if (previous && previous.ids.join() === ids.join()) previous.end = end;
    else segments.push({ start, end, ids });
  }
  return segments;
}
