import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isNestedDeeperThan, MAX_JSON_DEPTH, requireShallowJson } from "@/lib/server/http/json-depth";

const nestedArrays = (levels: number) => JSON.parse(`${"[".repeat(levels)}${"]".repeat(levels)}`) as unknown;
const nestedObjects = (levels: number) => JSON.parse(`${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`) as unknown;

describe("refusing import files nested deeper than any annotation file", () => {
  it("counts arrays and objects alike, exactly at the limit", () => {
    expect(isNestedDeeperThan(nestedArrays(3), 3)).toBe(false);
    expect(isNestedDeeperThan(nestedArrays(4), 3)).toBe(true);
    expect(isNestedDeeperThan(nestedObjects(3), 3)).toBe(false);
    expect(isNestedDeeperThan({ a: [{ b: [] }] }, 3)).toBe(true);
    expect(isNestedDeeperThan("just a string", 0)).toBe(false);
  });

  it("walks 100,000 levels without overflowing the stack, and answers with a sentence", () => {
    for (const deep of [nestedArrays(100_000), nestedObjects(100_000)]) {
      const error = (() => {
        try {
          requireShallowJson(deep);
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid");
      expect((error as AppError).message).toMatch(`nested more than ${MAX_JSON_DEPTH} levels`);
    }
  });

  it("lets a rich-text comment at the editor's deepest through", () => {
    // 8 Tiptap levels (list in quote in list…), each an object and a content array.
    let node: unknown = { type: "text", text: "deep", marks: [{ type: "bold" }] };
    for (let i = 0; i < 8; i += 1) node = { type: "bulletList", content: [{ type: "listItem", content: [node] }] };
    expect(() => requireShallowJson({ body: { type: "doc", content: [node] } })).not.toThrow();
  });
});
