import { describe, expect, it } from "vitest";
import { ANNO_CONTEXT, toAnnotationCollection, toW3CAnnotation } from "@/lib/w3c";
import {
  ALL_SHAPES,
  comment,
  flagWithCorrection,
  flagWithoutCorrection,
  highlight,
  OPTIONS,
  reply,
  taggedHighlight,
  codedHighlight,
} from "./fixtures";

const ESSAY = OPTIONS.sourceUrl;
const API = "https://marginalia.example/annotations";

describe("toW3CAnnotation", () => {
  it("exports a comment as commenting with a text/plain body, tags and both selectors", () => {
    expect(toW3CAnnotation(comment, OPTIONS)).toEqual({
      "@context": ANNO_CONTEXT,
      id: `${API}/a3`,
      type: "Annotation",
      motivation: "commenting",
      created: "2024-03-01T12:00:00.000Z",
      modified: "2024-03-01T12:05:00.000Z",
      creator: { id: "https://marginalia.example/users/u5", type: "Person", name: "Ana Student" },
      body: [
        { type: "TextualBody", value: "Is this really the narrator <speaking>?\ncompare ch. 1", format: "text/plain", purpose: "commenting" },
        { type: "TextualBody", value: "narrator", format: "text/plain", purpose: "tagging" },
      ],
      target: {
        type: "SpecificResource",
        source: ESSAY,
        selector: [
          { type: "TextQuoteSelector", exact: "discover ice", prefix: "his father took him to ", suffix: "." },
          { type: "TextPositionSelector", start: 141, end: 153 },
        ],
      },
    });
  });

  it("exports a highlight as highlighting with no body, unless tagged", () => {
    const plain = toW3CAnnotation(highlight, OPTIONS);
    expect(plain.motivation).toBe("highlighting");
    expect(plain).not.toHaveProperty("body");
    const tagged = toW3CAnnotation(taggedHighlight, OPTIONS);
    expect(tagged.body?.map((b) => [b.purpose, b.value])).toEqual([
      ["tagging", "imagery"],
      ["tagging", "memory"],
    ]);
    expect(tagged.target).toEqual({
      type: "SpecificResource",
      source: ESSAY,
      selector: [{ type: "TextQuoteSelector", exact: "discover ice" }],
    });
  });

  it("exports a highlight code as a classifying body before the tags; a flag keeps classifying for its category only", () => {
    const coded = toW3CAnnotation(codedHighlight, OPTIONS);
    expect(coded.motivation).toBe("highlighting");
    expect(coded.body?.map((b) => [b.purpose, b.value])).toEqual([
      ["classifying", "Evidence"],
      ["tagging", "memory"],
    ]);
    const flag = toW3CAnnotation({ ...flagWithCorrection, code: "Claim" }, OPTIONS);
    expect(flag.body?.filter((b) => b.purpose === "classifying").map((b) => b.value)).toEqual([flagWithCorrection.flag!.category]);
  });

  it("exports a reply as replying, targeting the parent annotation's IRI", () => {
    const out = toW3CAnnotation(reply, OPTIONS);
    expect(out.motivation).toBe("replying");
    expect(out.target).toBe(`${API}/a3`);
    expect(out.body).toEqual([
      { type: "TextualBody", value: "I think it is the author.", format: "text/plain", purpose: "replying" },
    ]);
  });

  it("exports a flag as editing with correction, rationale and category bodies", () => {
    const out = toW3CAnnotation(flagWithCorrection, OPTIONS);
    expect(out.motivation).toBe("editing");
    expect(out.body?.map((b) => [b.purpose, b.value])).toEqual([
      ["editing", "discover ice in 1820"],
      ["commenting", "Ice arrived in 1820, per the source."],
      ["classifying", "wrong-date"],
      ["tagging", "dates"],
    ]);
  });

  it("exports a flag without a correction as assessing", () => {
    const out = toW3CAnnotation(flagWithoutCorrection, OPTIONS);
    expect(out.motivation).toBe("assessing");
    expect(out.body).toEqual([
      { type: "TextualBody", value: "unsupported-claim", format: "text/plain", purpose: "classifying" },
    ]);
  });

  it("writes absolute IRIs with encoded ids and UTC timestamps", () => {
    for (const a of Object.values(ALL_SHAPES)) {
      const out = toW3CAnnotation({ ...a, id: `${a.id}/x y` }, OPTIONS);
      expect(out.id).toMatch(/^https:\/\/marginalia\.example\/annotations\/a\d%2Fx%20y$/);
      expect(out.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it("refuses relative URLs, replies without a parent and impossible positions", () => {
    expect(() => toW3CAnnotation(comment, { ...OPTIONS, baseUrl: "/api" })).toThrow(/baseUrl must be an absolute URL/);
    expect(() => toW3CAnnotation(comment, { ...OPTIONS, sourceUrl: "javascript:alert(1)" })).toThrow(/http\(s\)/);
    expect(() => toW3CAnnotation({ ...reply, parentId: undefined }, OPTIONS)).toThrow(/no parentId/);
    expect(() => toW3CAnnotation({ ...comment, position: { start: 5, end: 2 } }, OPTIONS)).toThrow(RangeError);
  });
});

describe("toAnnotationCollection", () => {
  const items = Object.values(ALL_SHAPES).map((a) => toW3CAnnotation(a, OPTIONS));
  const id = "https://marginalia.example/essays/one-hundred-years/annotations";

  it("describes the collection with total, first and last", () => {
    const { collection } = toAnnotationCollection(items, { id, label: "Essay annotations", pageSize: 4, page: 0 });
    expect(collection).toEqual({
      "@context": ANNO_CONTEXT,
      id,
      type: "AnnotationCollection",
      label: "Essay annotations",
      total: items.length,
      first: `${id}?page=0`,
      last: `${id}?page=1`,
    });
  });

  it("pages with partOf, startIndex, next and prev", () => {
    const first = toAnnotationCollection(items, { id, label: "L", pageSize: 4, page: 0 }).page;
    expect(first).toMatchObject({ id: `${id}?page=0`, type: "AnnotationPage", startIndex: 0, next: `${id}?page=1` });
    expect(first).not.toHaveProperty("prev");
    expect(first?.partOf).toEqual({ id, label: "L", total: items.length });
    expect(first?.items.map((i) => i.id)).toEqual(items.slice(0, 4).map((i) => i.id));

    const last = toAnnotationCollection(items, { id, label: "L", pageSize: 4, page: 1 }).page;
    expect(last).toMatchObject({ startIndex: 4, prev: `${id}?page=0` });
    expect(last).not.toHaveProperty("next");
    expect(last?.items).toHaveLength(items.length - 4);
  });

  it("has no first/last when empty, and no page out of range", () => {
    const empty = toAnnotationCollection([], { id, label: "L", pageSize: 10, page: 0 });
    expect(empty.collection).not.toHaveProperty("first");
    expect(empty.page?.items).toEqual([]);
    expect(toAnnotationCollection(items, { id, label: "L", pageSize: 4, page: 2 }).page).toBeNull();
    expect(toAnnotationCollection(items, { id, label: "L", pageSize: 4, page: -1 }).page).toBeNull();
    expect(() => toAnnotationCollection(items, { id, label: "L", pageSize: 0, page: 0 })).toThrow(RangeError);
    expect(() => toAnnotationCollection(items, { id: "annotations", label: "L", pageSize: 1, page: 0 })).toThrow(TypeError);
  });
});
