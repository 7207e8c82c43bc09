import { describe, expect, it } from "vitest";
import { buildContext, findHints } from "../../../lib/critique/find-hints";
import { blocksInput, essayInput, SEED_FILE } from "./helpers";

describe("findHints", () => {
  it("runs only the requested kinds", () => {
    const input = essayInput(SEED_FILE);
    const kinds = new Set(findHints(input, { kinds: ["page-artifact"] }).map((h) => h.kind));
    expect([...kinds]).toEqual(["page-artifact"]);
  });

  it("never lets a hint cross a block boundary", () => {
    const input = essayInput(SEED_FILE);
    for (const h of findHints(input)) {
      expect(input.blocks.some((b) => b.start <= h.start && h.end <= b.end)).toBe(true);
    }
  });

  it("treats text without blocks as one paragraph", () => {
    const hints = findHints({ text: "The Twentieth Part Congress met.", blocks: [] });
    expect(hints.map((h) => h.exact)).toEqual(["Part Congress"]);
  });

  it("clips blocks that run past the text instead of inventing offsets", () => {
    const context = buildContext({ text: "Join now!", blocks: [{ type: "paragraph", start: 0, end: 99 }] });
    expect(context.segments).toEqual([{ type: "paragraph", start: 0, end: 9, text: "Join now!" }]);
  });

  it("returns nothing for empty text", () => {
    expect(findHints({ text: "", blocks: [] })).toEqual([]);
  });

  it("orders hints by start whatever order the blocks come in", () => {
    const input = blocksInput(["Join now!", "The Cold Was began."]);
    const reversed = { ...input, blocks: [...input.blocks].reverse() };
    expect(findHints(reversed)).toEqual(findHints(input));
    expect(findHints(input).map((h) => h.exact)).toEqual(["Join now!", "Cold Was"]);
  });
});
