import { describe, expect, it } from "vitest";
import { segmentBlock } from "@/lib/annotations/segments";

describe("segmentBlock", () => {
  it("returns the whole block as one bare run when nothing covers it", () => {
    expect(segmentBlock(10, 20, [])).toEqual([{ start: 10, end: 20, ids: [] }]);
  });

  it("splits overlapping highlights into runs with nested cover", () => {
    const runs = segmentBlock(0, 30, [
      { id: "a", start: 5, end: 15 },
      { id: "b", start: 10, end: 20 },
    ]);
    expect(runs).toEqual([
      { start: 0, end: 5, ids: [] },
      { start: 5, end: 10, ids: ["a"] },
      { start: 10, end: 15, ids: ["a", "b"] },
      { start: 15, end: 20, ids: ["b"] },
      { start: 20, end: 30, ids: [] },
    ]);
  });

  it("clips spans that run past the block and ignores ones outside it", () => {
    const runs = segmentBlock(100, 110, [
      { id: "across", start: 90, end: 105 },
      { id: "elsewhere", start: 0, end: 50 },
    ]);
    expect(runs).toEqual([
      { start: 100, end: 105, ids: ["across"] },
      { start: 105, end: 110, ids: [] },
    ]);
  });

  it("covers the block exactly, run after run", () => {
    const runs = segmentBlock(3, 50, [
      { id: "x", start: 3, end: 50 },
      { id: "y", start: 20, end: 21 },
      { id: "z", start: 20, end: 40 },
    ]);
    expect(runs[0].start).toBe(3);
    expect(runs.at(-1)!.end).toBe(50);
    runs.slice(1).forEach((r, i) => expect(r.start).toBe(runs[i].end));
  });
});
