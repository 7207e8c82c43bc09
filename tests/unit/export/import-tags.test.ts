import { describe, expect, it } from "vitest";
import { tagsSchema } from "@/lib/validation/annotation";
import { importTags, toAppTag } from "@/lib/server/export/import-tags";

describe("imported tags fit the app's tag rules", () => {
  it("drops punctuation other tools allow, and lower-cases", () => {
    expect(toAppTag("#Census")).toBe("census");
    expect(toAppTag("1848/49")).toBe("1848 49");
    expect(toAppTag("--")).toBe("");
  });

  it("removes repeats and keeps at most 10; the result passes tagsSchema", () => {
    const tags = importTags(["Gulag", "gulag", ...Array.from({ length: 12 }, (_, i) => `t${i}`)]);
    expect(tags.slice(0, 2)).toEqual(["gulag", "t0"]);
    expect(tags).toHaveLength(10);
    expect(tagsSchema.safeParse(tags).success).toBe(true);
  });
});
