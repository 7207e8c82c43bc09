import type { Box } from "./types";

/**
 * A region of a picture reading, in the picture's own pixels (origin top left):
 * a rectangle, or a polygon of its corner points. Stored as these numbers only
 * (`annotations.region`); the W3C selectors are written from them
 * (toFragmentValue, toSvgValue) and read back by strict parsers, so no SVG a
 * user sent is ever stored or emitted.
 */
export type Region = RectRegion | PolygonRegion;
export interface RectRegion {
  type: "rect";
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface PolygonRegion {
  type: "polygon";
  points: [number, number][];
}

/** Most corners a polygon may have: enough to follow a coastline on a map, few enough to draw quickly. */
export const MAX_POLYGON_POINTS = 100;
/** The smallest side a region may have, in pixels: anything smaller cannot be seen, let alone clicked. */
export const MIN_REGION_SIDE = 4;

/** W3C Media Fragments, named by a FragmentSelector's conformsTo. */
export const MEDIA_FRAGMENT_SPEC = "http://www.w3.org/TR/media-frags/";
const SVG_NS = "http://www.w3.org/2000/svg";

const round = (n: number) => Math.round(n * 10) / 10;

/** The smallest rectangle around a region. */
export function regionBounds(region: Region): Box {
  if (region.type === "rect") return { x: region.x, y: region.y, w: region.w, h: region.h };
  const xs = region.points.map((p) => p[0]);
  const ys = region.points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/**
 * Why a region cannot stand on a picture of this size, as a sentence, or null
 * when it can: every number finite, inside the picture, big enough to see, a
 * polygon with 3 to MAX_POLYGON_POINTS corners.
 */
export function checkRegion(region: Region, size: { width: number; height: number }): string | null {
  const numbers = region.type === "rect" ? [region.x, region.y, region.w, region.h] : region.points.flat();
  if (!numbers.every(Number.isFinite)) return "A region's corners must be numbers.";
  if (region.type === "polygon") {
    if (region.points.length < 3) return "A polygon needs at least 3 corners.";
    if (region.points.length > MAX_POLYGON_POINTS) return `A polygon can have at most ${MAX_POLYGON_POINTS} corners; this one has ${region.points.length}.`;
  }
  const b = regionBounds(region);
  // Half a pixel of slack: a shape drawn to the very edge may round just past it.
  const slack = 0.5;
  if (b.x < -slack || b.y < -slack || b.x + b.w > size.width + slack || b.y + b.h > size.height + slack) {
    return `The region must lie inside the picture (${size.width} × ${size.height} pixels).`;
  }
  if (b.w < MIN_REGION_SIDE || b.h < MIN_REGION_SIDE) return `A region must be at least ${MIN_REGION_SIDE} pixels wide and high.`;
  return null;
}

/** A region as a short key ("" for none): flags on the same region with the same correction are one finding. */
export function regionKey(region: Region | null | undefined): string {
  if (!region) return "";
  const numbers = region.type === "rect" ? [region.x, region.y, region.w, region.h] : region.points.flat();
  return `${region.type}:${numbers.map(round).join(",")}`;
}

/** The region clipped to the picture and rounded to a tenth of a pixel, as it is stored. */
export function normalizeRegion(region: Region, size: { width: number; height: number }): Region {
  const cx = (n: number) => round(Math.min(Math.max(n, 0), size.width));
  const cy = (n: number) => round(Math.min(Math.max(n, 0), size.height));
  if (region.type === "polygon") return { type: "polygon", points: region.points.map(([x, y]) => [cx(x), cy(y)]) };
  const x = cx(region.x);
  const y = cy(region.y);
  return { type: "rect", x, y, w: round(Math.min(region.w, size.width - x)), h: round(Math.min(region.h, size.height - y)) };
}

/** A rectangle as a Media Fragments value: `xywh=pixel:x,y,w,h`. */
export function toFragmentValue(r: RectRegion): string {
  return `xywh=pixel:${[r.x, r.y, r.w, r.h].map(round).join(",")}`;
}

/** A polygon as the SvgSelector's value: one `<polygon>` written from the stored numbers. */
export function toSvgValue(p: PolygonRegion): string {
  return `<svg xmlns="${SVG_NS}"><polygon points="${p.points.map(([x, y]) => `${round(x)},${round(y)}`).join(" ")}"/></svg>`;
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const XYWH = new RegExp(String.raw`^xywh=(?:pixel:)?(${NUMBER}),(${NUMBER}),(${NUMBER}),(${NUMBER})$`);
const XYWH_PERCENT = new RegExp(String.raw`^xywh=percent:(${NUMBER}),(${NUMBER}),(${NUMBER}),(${NUMBER})$`);

/**
 * Reads a Media Fragments `xywh=` value (pixels by default, or percent of a
 * picture of the given size); null for anything else.
 */
export function parseFragmentValue(value: string, size?: { width: number; height: number }): RectRegion | null {
  const pixels = XYWH.exec(value.trim());
  if (pixels) {
    const [x, y, w, h] = pixels.slice(1).map(Number);
    return { type: "rect", x, y, w, h };
  }
  const percent = XYWH_PERCENT.exec(value.trim());
  if (percent && size) {
    const [x, y, w, h] = percent.slice(1).map(Number);
    return { type: "rect", x: (x * size.width) / 100, y: (y * size.height) / 100, w: (w * size.width) / 100, h: (h * size.height) / 100 };
  }
  return null;
}

// The only SVG read back: one <svg> (optionally with the SVG namespace) holding one <polygon points="…">.
// Anything else (scripts, handlers, foreign elements, entities, other shapes) is refused, not cleaned.
const SVG_POLYGON = /^<svg(?:\s+xmlns="http:\/\/www\.w3\.org\/2000\/svg")?\s*>\s*<polygon\s+points="([-\d.,\s]{1,8000})"\s*(?:\/>|>\s*<\/polygon>)\s*<\/svg>$/;

/** Reads an SvgSelector value that is exactly one polygon; null for any other SVG. */
export function parseSvgValue(value: string): PolygonRegion | null {
  const match = SVG_POLYGON.exec(value.trim());
  if (!match) return null;
  const numbers = match[1].trim().split(/[\s,]+/).map(Number);
  if (numbers.length % 2 !== 0 || numbers.some((n) => !Number.isFinite(n))) return null;
  const points: [number, number][] = [];
  for (let i = 0; i < numbers.length; i += 2) points.push([numbers[i], numbers[i + 1]]);
  return { type: "polygon", points };
}

const where = (from: number, to: number, words: [string, string, string]) => {
  const middle = (from + to) / 2;
  return middle < 1 / 3 ? words[0] : middle < 2 / 3 ? words[1] : words[2];
};
const pct = (n: number) => `${Math.round(n * 100)} %`;

/**
 * Where a region is, in words, for a screen reader and the margin: "top left,
 * from 10 % to 40 % across and 5 % to 30 % down".
 */
export function describeRegion(region: Region, size: { width: number; height: number }): string {
  const b = regionBounds(region);
  const [x0, x1, y0, y1] = [b.x / size.width, (b.x + b.w) / size.width, b.y / size.height, (b.y + b.h) / size.height];
  const vertical = where(y0, y1, ["top", "middle", "bottom"]);
  const horizontal = where(x0, x1, ["left", "centre", "right"]);
  const place = vertical === "middle" && horizontal === "centre" ? "centre" : `${vertical} ${horizontal}`;
  const shape = region.type === "polygon" ? `Polygon of ${region.points.length} corners` : "Rectangle";
  return `${shape}, ${place}: from ${pct(x0)} to ${pct(x1)} across and ${pct(y0)} to ${pct(y1)} down`;
}

/** A new rectangle for the keyboard: a fifth of the picture's width and height, in its centre (40 % to 60 %). */
export function centredRegion(size: { width: number; height: number }): RectRegion {
  const w = round(size.width / 5);
  const h = round(size.height / 5);
  return { type: "rect", x: round((size.width - w) / 2), y: round((size.height - h) / 2), w, h };
}

/** The region moved by (dx, dy) pixels, stopped at the picture's edges. */
export function moveRegion(region: Region, dx: number, dy: number, size: { width: number; height: number }): Region {
  const b = regionBounds(region);
  const mx = Math.min(Math.max(dx, -b.x), size.width - (b.x + b.w));
  const my = Math.min(Math.max(dy, -b.y), size.height - (b.y + b.h));
  if (region.type === "rect") return { ...region, x: round(region.x + mx), y: round(region.y + my) };
  return { type: "polygon", points: region.points.map(([x, y]) => [round(x + mx), round(y + my)]) };
}

/**
 * The region grown (or shrunk) by (dw, dh) pixels from its top left corner,
 * kept inside the picture and at least MIN_REGION_SIDE wide and high; a
 * polygon is scaled about that corner.
 */
export function resizeRegion(region: Region, dw: number, dh: number, size: { width: number; height: number }): Region {
  const b = regionBounds(region);
  const w = Math.min(Math.max(b.w + dw, MIN_REGION_SIDE), size.width - b.x);
  const h = Math.min(Math.max(b.h + dh, MIN_REGION_SIDE), size.height - b.y);
  if (region.type === "rect") return { ...region, w: round(w), h: round(h) };
  const sx = b.w > 0 ? w / b.w : 1;
  const sy = b.h > 0 ? h / b.h : 1;
  return { type: "polygon", points: region.points.map(([x, y]) => [round(b.x + (x - b.x) * sx), round(b.y + (y - b.y) * sy)]) };
}
