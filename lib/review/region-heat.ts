import type { AnnotationDTO, AnnotationKind } from "@/lib/annotations/types";
import { regionBounds, type Region } from "@/lib/sources/regions";
import type { Box } from "@/lib/sources/types";
import type { HeatFilter, HeatStudent } from "./heatmap";

/**
 * The heatmap of a picture reading: the regions the class marked, with those
 * that cover mostly the same part of the picture counted together, so "five
 * students marked the caption" reads as one spot, not five.
 */
export interface RegionSpot {
  /** The box around the spot's regions, in the picture's pixels. */
  box: Box;
  /** Distinct students. */
  count: number;
  /** Sorted by name, then id. */
  students: HeatStudent[];
  /** Oldest first: the first opens in the reader. */
  annotationIds: string[];
  regions: Region[];
}

/** Two regions whose boxes share at least this much of their union are one spot. */
export const SAME_SPOT_OVERLAP = 0.5;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const shared = w * h;
  return shared / (a.w * a.h + b.w * b.h - shared);
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * The spots of the students' regions, of one kind or all, the most marked
 * first. The same annotations count as for passages (lib/review/heatmap.ts
 * heatSpansFrom): students' own, not deleted, not imported; hidden ones stay.
 */
export function regionSpots(annotations: readonly AnnotationDTO[], filter: HeatFilter): RegionSpot[] {
  const marks = annotations
    .filter((a) => a.region && !a.isDeleted && !a.author.isTeacher && !a.imported && (filter === "all" || a.kind === filter))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  type Growing = { box: Box; first: Box; annotationIds: string[]; regions: Region[]; kinds: Map<string, { name: string; kinds: Set<AnnotationKind> }> };
  const spots: Growing[] = [];
  for (const a of marks) {
    const box = regionBounds(a.region!);
    const spot = spots.find((s) => overlap(s.first, box) >= SAME_SPOT_OVERLAP);
    const target: Growing = spot ?? { box, first: box, annotationIds: [], regions: [], kinds: new Map() };
    if (!spot) spots.push(target);
    target.box = union(target.box, box);
    target.annotationIds.push(a.id);
    target.regions.push(a.region!);
    const who = target.kinds.get(a.author.id) ?? { name: a.author.name, kinds: new Set<AnnotationKind>() };
    who.kinds.add(a.kind);
    target.kinds.set(a.author.id, who);
  }
  return spots
    .map(({ box, annotationIds, regions, kinds }) => {
      const students = [...kinds.entries()]
        .map(([id, s]) => ({ id, name: s.name, kinds: [...s.kinds] }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      return { box, count: students.length, students, annotationIds, regions };
    })
    .sort((a, b) => b.count - a.count || a.box.y - b.box.y || a.box.x - b.box.x);
}
