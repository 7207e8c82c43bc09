import { describe, expect, it } from "vitest";
import { FLAG_CATEGORIES, FLAG_CATEGORY_LABELS, flagCategoryLabel, isFlagCategory } from "../../../lib/critique/categories";
import { HINT_DETECTORS } from "../../../lib/critique/find-hints";
import { HINT_KINDS } from "../../../lib/critique/types";

describe("flag categories", () => {
  it("has a distinct human label for every category", () => {
    const labels = FLAG_CATEGORIES.map(flagCategoryLabel);
    expect(new Set(labels).size).toBe(FLAG_CATEGORIES.length);
    expect(Object.keys(FLAG_CATEGORY_LABELS).sort()).toEqual([...FLAG_CATEGORIES].sort());
    expect(flagCategoryLabel("unsupported")).toBe("unsupported claim (needs a source)");
  });

  it("recognizes categories in untrusted input", () => {
    expect(isFlagCategory("page_artifact")).toBe(true);
    expect(isFlagCategory("spelling")).toBe(false);
    expect(isFlagCategory(3)).toBe(false);
  });

  it("has a detector for every hint kind", () => {
    expect(Object.keys(HINT_DETECTORS).sort()).toEqual([...HINT_KINDS].sort());
  });
});
