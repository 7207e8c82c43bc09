import { describe, expect, it } from "vitest";
import { applyCorrections, type Correction } from "@/lib/errata/apply-corrections";
import { essay, fix, insert, secretSpeech } from "./fixtures";

const { text, blocks } = secretSpeech;

function apply(corrections: Correction[], source = secretSpeech) {
  return applyCorrections({ text: source.text, blocks: source.blocks, corrections });
}

/** Each block's words in the corrected text, read through correctedBlocks. */
function correctedWords(result: ReturnType<typeof apply>): string[] {
  return result.correctedBlocks.map((b) => result.text.slice(b.start, b.end));
}

describe("applyCorrections", () => {
  it("replaces a wrong date and marks the change in its block", () => {
    const result = apply([fix(text, "1995", "1955", 1)]);
    expect(result.text).toContain("In 1955 the central committee");
    expect(result.text).not.toContain("1995");
    expect(result.pieces[1]).toEqual([
      { kind: "same", text: "In " },
      { kind: "removed", text: "1995", erratumNumber: 1 },
      { kind: "inserted", text: "1955", erratumNumber: 1 },
      { kind: "same", text: " the central committee set up a commission." },
    ]);
    expect(result.pieces[0]).toEqual([{ kind: "same", text: "The Origins" }]);
    expect(result.applied.map((c) => c.id)).toEqual(["c1"]);
    expect(result.skipped).toEqual([]);
  });

  it("deletes a span when the replacement is empty, and shows only the removal", () => {
    const result = apply([fix(text, "central ", "", 1)]);
    expect(correctedWords(result)[1]).toBe("In 1995 the committee set up a commission.");
    expect(result.pieces[1].filter((p) => p.kind !== "same")).toEqual([{ kind: "removed", text: "central ", erratumNumber: 1 }]);
  });

  it("inserts at a block's end and at the next block's start without leaking across the line break", () => {
    const headingEnd = blocks[0].end;
    const result = apply([insert(headingEnd, " of Destalinization", 1), insert(blocks[1].start, "Late ", 2)]);
    expect(correctedWords(result)).toEqual([
      "The Origins of Destalinization",
      "Late In 1995 the central committee set up a commission.",
      "The Twentieth Part Congress met in February of 1956.",
    ]);
    expect(result.pieces[0].at(-1)).toEqual({ kind: "inserted", text: " of Destalinization", erratumNumber: 1 });
    expect(result.pieces[1][0]).toEqual({ kind: "inserted", text: "Late ", erratumNumber: 2 });
    expect(result.text.split("\n")).toEqual(correctedWords(result));
  });

  it("applies two corrections in one block in text order, whatever order they arrive in", () => {
    const second = fix(text, "1956", "1956 (25 February)", 2);
    const first = fix(text, "Part", "Party", 1);
    const result = apply([second, first]);
    expect(correctedWords(result)[2]).toBe("The Twentieth Party Congress met in February of 1956 (25 February).");
    expect(result.applied.map((c) => c.number)).toEqual([1, 2]);
    expect(result.pieces[2].map((p) => p.kind)).toEqual(["same", "removed", "inserted", "same", "removed", "inserted", "same"]);
  });

  it("keeps the correction that starts first when two overlap, even if its number is higher", () => {
    const wide = fix(text, "1995 the central", "1955 the central", 2);
    const narrow = fix(text, "central committee", "Central Committee", 1);
    const result = apply([narrow, wide]);
    expect(result.applied.map((c) => c.id)).toEqual(["c2"]);
    expect(result.skipped).toEqual([{ id: "c1", number: 1, reason: "overlap", overlapsWith: 2 }]);
    expect(correctedWords(result)[1]).toBe("In 1955 the central committee set up a commission.");
  });

  it("breaks a tie at the same start by erratum number", () => {
    const result = apply([fix(text, "1995", "1956", 4), fix(text, "1995 the", "1955 the", 3)]);
    expect(result.applied.map((c) => c.number)).toEqual([3]);
    expect(result.skipped).toEqual([{ id: "c4", number: 4, reason: "overlap", overlapsWith: 3 }]);
  });

  it("treats an insertion at the edge of a replaced span as a clash, but lets neighbours touch", () => {
    const date = fix(text, "1995", "1955", 1);
    const result = apply([date, insert(date.end, " (spring)", 2), fix(text, " the", " The", 3)]);
    expect(result.applied.map((c) => c.number)).toEqual([1, 3]);
    expect(result.skipped).toEqual([{ id: "c2", number: 2, reason: "overlap", overlapsWith: 1 }]);
    expect(correctedWords(result)[1]).toBe("In 1955 The central committee set up a commission.");
  });

  it("never lets a correction cross a block boundary, and says why", () => {
    const across = fix(text, "commission.\nThe Twentieth", "commission. The Twentieth", 1);
    const lineBreak = { id: "c2", number: 2, start: blocks[1].end, end: blocks[1].end + 1, replacement: " " };
    const result = apply([across, lineBreak, fix(text, "1956", "1956.", 3)]);
    expect(result.skipped).toEqual([
      { id: "c1", number: 1, reason: "crosses_blocks" },
      { id: "c2", number: 2, reason: "crosses_blocks" },
    ]);
    expect(result.text.split("\n")).toHaveLength(3);
    expect(result.applied.map((c) => c.number)).toEqual([3]);
  });

  it("skips spans outside the text, non-integer spans and fixes the text already reads", () => {
    const result = apply([
      { id: "far", number: 1, start: text.length, end: text.length + 4, replacement: "x" },
      { id: "half", number: 2, start: 0.5, end: 2, replacement: "x" },
      fix(text, "1956", "1956", 3),
    ]);
    expect(result.skipped.map((s) => [s.id, s.reason])).toEqual([
      ["half", "out_of_range"],
      ["c3", "no_change"],
      ["far", "out_of_range"],
    ]);
    expect(result.text).toBe(text);
  });

  it("counts in UTF-16 with an emoji before the span, and never splits one", () => {
    const source = essay(["paragraph", "🎉 In 1995 the 🎉 committee met."], ["paragraph", "🚩 Then 1956."]);
    const date = fix(source.text, "1995", "1955 🗓", 1);
    const splitting = { id: "c2", number: 2, start: 1, end: 2, replacement: "x" };
    const result = apply([date, splitting, fix(source.text, "Then", "And then", 3)], source);
    expect(correctedWords(result)).toEqual(["🎉 In 1955 🗓 the 🎉 committee met.", "🚩 And then 1956."]);
    expect(result.skipped).toEqual([{ id: "c2", number: 2, reason: "out_of_range" }]);
    expect(result.pieces[0][1]).toEqual({ kind: "removed", text: "1995", erratumNumber: 1 });
  });

  it("copies text outside the blocks unchanged and keeps block types and levels", () => {
    const source = { text: "  Title\n\nBody 1995.\n", blocks: [{ type: "heading" as const, level: 1, start: 2, end: 7 }, { type: "paragraph" as const, start: 9, end: 19 }] };
    const result = apply([fix(source.text, "1995", "1955", 1)], source);
    expect(result.text).toBe("  Title\n\nBody 1955.\n");
    expect(result.correctedBlocks).toEqual([
      { type: "heading", level: 1, start: 2, end: 7 },
      { type: "paragraph", start: 9, end: 19 },
    ]);
  });

  it("is deterministic: any input order gives the same result", () => {
    const corrections = [
      fix(text, "1995", "1955", 1),
      fix(text, "1995 the", "1955 the", 2),
      fix(text, "Part", "Party", 3),
      insert(blocks[0].end, "!", 4),
    ];
    const expected = apply(corrections);
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      expect(apply(order.map((i) => corrections[i]))).toEqual(expected);
    }
  });
});
