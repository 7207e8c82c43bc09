import { describe, expect, it } from "vitest";
import { groupAnchors, leadThread, placeBoxes, type MarginBox } from "@/lib/annotations/margin-layout";

const SLOT = 72;
const GAP = 8;

/** A class of 30 marking a short essay: many passages start on the same few lines. */
const crowdedLines = Array.from({ length: 600 }, (_, i) => ({ id: `a${i}`, top: 40 + Math.floor(i / 20) * 31 }));

function overlaps(tops: number[], boxes: readonly MarginBox[]) {
  return tops.some((top, i) => i > 0 && top < tops[i - 1] + boxes[i - 1].height);
}

describe("groupAnchors", () => {
  it("starts a new group only where the previous collapsed card ends, so collapsed groups sit level with their passages", () => {
    const groups = groupAnchors(crowdedLines, SLOT);
    const boxes = groups.map((g) => ({ wanted: g.top, height: SLOT - GAP }));
    const tops = placeBoxes(boxes, GAP);
    expect(tops).toEqual(groups.map((g) => g.top));
    expect(overlaps(tops, boxes)).toBe(false);
    expect(groups.flatMap((g) => g.ids)).toEqual(crowdedLines.map((a) => a.id));
  });

  it("keeps a lone passage far from the others as its own group", () => {
    const groups = groupAnchors([{ id: "x", top: 10 }, { id: "y", top: 30 }, { id: "z", top: 900 }], SLOT);
    expect(groups).toEqual([{ ids: ["x", "y"], top: 10 }, { ids: ["z"], top: 900 }]);
  });

  it("gives every member a passage within one slot below its group's top", () => {
    for (const g of groupAnchors(crowdedLines, SLOT)) {
      for (const id of g.ids) {
        const top = crowdedLines.find((a) => a.id === id)!.top;
        expect(top - g.top).toBeGreaterThanOrEqual(0);
        expect(top - g.top).toBeLessThan(SLOT);
      }
    }
  });
});

describe("placeBoxes", () => {
  const boxes: MarginBox[] = [
    { wanted: 100, height: 64 },
    { wanted: 150, height: 64 },
    { wanted: 400, height: 300 },
    { wanted: 420, height: 64 },
    { wanted: 1000, height: 64 },
  ];

  it("without focus, keeps each box at its passage unless the one above pushes it down", () => {
    const tops = placeBoxes(boxes, GAP);
    expect(tops).toEqual([100, 172, 400, 708, 1000]);
    expect(overlaps(tops, boxes)).toBe(false);
  });

  it("puts the focused box exactly level with its passage and pulls the ones above up, not the other way round", () => {
    const tops = placeBoxes(boxes, GAP, 1);
    expect(tops[1]).toBe(150);
    expect(tops[0]).toBe(150 - GAP - 64);
    expect(overlaps(tops, boxes)).toBe(false);
  });

  it("a tall focused box pushes only the boxes after it", () => {
    const unfocused = placeBoxes(boxes, GAP);
    const tops = placeBoxes(boxes, GAP, 2);
    expect(tops[2]).toBe(400);
    expect(tops.slice(0, 2)).toEqual(unfocused.slice(0, 2));
    expect(tops[3]).toBe(400 + 300 + GAP);
  });

  it("never goes above the top of the margin: a focused box near the top lands as close as the boxes above allow", () => {
    const nearTop: MarginBox[] = [
      { wanted: 0, height: 64 },
      { wanted: 20, height: 64 },
    ];
    const tops = placeBoxes(nearTop, GAP, 1);
    expect(tops[0]).toBe(0);
    expect(tops[1]).toBe(64 + GAP);
  });
});

describe("leadThread", () => {
  const highlight = { id: "h", kind: "highlight" as const, replies: [], flag: null };
  const quietComment = { id: "c1", kind: "comment" as const, replies: [], flag: null };
  const busyComment = { id: "c2", kind: "comment" as const, replies: [1, 2, 3], flag: null };
  const flag = { id: "f", kind: "flag" as const, replies: [], flag: { votes: { agree: 0, disagree: 0 } } };
  const arguedFlag = { id: "f2", kind: "flag" as const, replies: [1], flag: { votes: { agree: 4, disagree: 2 } } };

  it("lets a flag stand for its passage before any comment or highlight, and the most argued flag first", () => {
    expect(leadThread([highlight, busyComment, flag])?.id).toBe("f");
    expect(leadThread([flag, arguedFlag])?.id).toBe("f2");
  });

  it("prefers the most discussed comment, and keeps text order among equals", () => {
    expect(leadThread([highlight, quietComment, busyComment])?.id).toBe("c2");
    expect(leadThread([quietComment, { ...quietComment, id: "c3" }])?.id).toBe("c1");
    expect(leadThread([])).toBeUndefined();
  });
});
