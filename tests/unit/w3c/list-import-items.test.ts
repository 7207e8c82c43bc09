import { describe, expect, it } from "vitest";
import { listImportItems, MAX_IMPORT_ITEMS } from "@/lib/w3c/list-import-items";

const note = (n: number) => ({ type: "Annotation", id: `https://example.org/a/${n}`, target: "https://example.org/essay" });
const context = "http://www.w3.org/ns/anno.jsonld";

function itemsOf(input: unknown): unknown[] {
  const result = listImportItems(input);
  if (!result.ok) throw new Error(result.message);
  return result.items;
}

function refusal(input: unknown): string {
  const result = listImportItems(input);
  if (result.ok) throw new Error("expected a refusal");
  return result.message;
}

describe("listImportItems", () => {
  it("reads one annotation, an array, a page and a collection with embedded pages, in file order", () => {
    expect(itemsOf(note(1))).toEqual([note(1)]);
    expect(itemsOf([note(1), note(2)])).toEqual([note(1), note(2)]);
    expect(itemsOf({ "@context": context, type: "AnnotationPage", items: [note(1)] })).toEqual([note(1)]);
    const chained = {
      "@context": context,
      type: "AnnotationCollection",
      total: 3,
      first: { type: "AnnotationPage", items: [note(1), note(2)], next: { type: "AnnotationPage", items: [note(3)] } },
    };
    expect(itemsOf(chained)).toEqual([note(1), note(2), note(3)]);
    expect(itemsOf(JSON.stringify([note(4)]))).toEqual([note(4)]);
  });

  it("accepts an empty collection", () => {
    expect(itemsOf({ "@context": context, type: "AnnotationCollection", total: 0 })).toEqual([]);
  });

  it("explains that linked pages are not fetched", () => {
    expect(refusal({ type: "AnnotationCollection", total: 5, first: "https://example.org/c?page=0" })).toMatch(/only links to its pages/);
    expect(refusal({ type: "AnnotationPage", items: [note(1)], next: "https://example.org/c?page=1" })).toMatch(/Page 1 links to its next page/);
  });

  it("refuses what is not JSON, not an object, or too large", () => {
    expect(refusal("{ not json")).toMatch(/not valid JSON/);
    expect(refusal(42)).toMatch(/expected an object or a list/);
    expect(refusal(Array.from({ length: MAX_IMPORT_ITEMS + 1 }, (_, n) => note(n)))).toMatch(/at most 5000/);
  });
});
