import { describe, expect, it } from "vitest";
import { isNestedDeeperThan, MAX_JSON_DEPTH } from "@/lib/server/http/json-depth";

const nested = (levels: number) => JSON.parse(`${"[".repeat(levels)}${"]".repeat(levels)}`) as unknown;

describe("how deep a request body nests", () => {
  it("counts arrays and objects alike, and scalars not at all", () => {
    expect(isNestedDeeperThan("text", 0)).toBe(false);
    expect(isNestedDeeperThan({ a: 1 }, 0)).toBe(true);
    expect(isNestedDeeperThan({ a: [{ b: [] }] }, 4)).toBe(false);
    expect(isNestedDeeperThan({ a: [{ b: [] }] }, 3)).toBe(true);
  });

  it("lets the limit's own depth through and refuses one level more", () => {
    expect(isNestedDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(isNestedDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  });

  it("walks 100,000 levels without running out of stack, where JSON.stringify does not", () => {
    const deep = nested(100_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(isNestedDeeperThan(deep, MAX_JSON_DEPTH)).toBe(true);
  });

  it("leaves room for the deepest rich text we accept (8 levels of blocks)", () => {
    let doc: unknown = { type: "paragraph", content: [{ type: "text", text: "x" }] };
    for (let i = 0; i < 8; i++) doc = { type: "blockquote", content: [doc] };
    expect(isNestedDeeperThan({ body: { type: "doc", content: [doc] } }, MAX_JSON_DEPTH)).toBe(false);
  });
});
