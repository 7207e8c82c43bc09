import { describe, expect, it } from "vitest";
import { confidenceWord, correctionText, hintKindLabel } from "@/lib/format/hint-labels";

describe("hint labels", () => {
  it("words a higher confidence at least as strongly as a lower one", () => {
    const order = ["unsure", "possible", "likely", "very likely"];
    const scores = [0, 0.3, 0.5, 0.74, 0.75, 0.85, 0.9, 0.95, 1];
    const ranks = scores.map((c) => order.indexOf(confidenceWord(c)));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(confidenceWord(0.8)).toBe("likely");
    expect(confidenceWord(0.6)).toBe("possible");
  });

  it("names every kind, and falls back to the raw kind", () => {
    expect(hintKindLabel("anachronistic-year")).toBe("Out-of-place year");
    expect(hintKindLabel("something-new")).toBe("something-new");
  });

  it("says an empty correction means deleting the passage", () => {
    expect(correctionText("")).toBe("delete the passage");
    expect(correctionText("1955")).toBe("“1955”");
  });
});
