import { describe, expect, it } from "vitest";
import { plainTextOf } from "@/lib/rich-text";
import { fromW3CAnnotation, toW3CAnnotation, type ImportedAnnotation } from "@/lib/w3c";
import { ALL_SHAPES, hypothesisAnnotation, OPTIONS } from "./fixtures";

function imported(json: unknown): ImportedAnnotation {
  const result = fromW3CAnnotation(json);
  if (!result.ok) throw new Error(result.message);
  return result.annotation;
}

function refusal(json: unknown): string {
  const result = fromW3CAnnotation(json);
  if (result.ok) throw new Error("expected the annotation to be refused");
  return result.message;
}

describe("fromW3CAnnotation round-trips our exports", () => {
  it.each(Object.entries(ALL_SHAPES))("%s keeps kind, selectors, text, tags and author", (_name, a) => {
    const back = imported(toW3CAnnotation(a, OPTIONS));
    expect(back.kind).toBe(a.kind);
    expect(back.quote).toEqual(a.quote);
    expect(back.position).toEqual(a.position);
    expect(back.bodyText).toBe(a.body ? plainTextOf(a.body) : "");
    expect(back.tags).toEqual(a.tags);
    expect(back.creatorName).toBe(a.author.name);
    expect(back.created).toEqual(a.createdAt);
    expect(back.modified).toEqual(a.updatedAt);
    expect(back.id).toBe(`https://marginalia.example/annotations/${a.id}`);
  });

  it("reads a highlight's code back from its classifying body (the importer matches it to the class's codes)", () => {
    expect(imported(toW3CAnnotation(ALL_SHAPES.codedHighlight, OPTIONS)).category).toBe("Evidence");
    expect(imported(toW3CAnnotation(ALL_SHAPES.highlight, OPTIONS)).category).toBeUndefined();
  });

  it("keeps a reply's parent and a flag's correction and category", () => {
    expect(imported(toW3CAnnotation(ALL_SHAPES.reply, OPTIONS)).parentIri).toBe(
      "https://marginalia.example/annotations/a3",
    );
    const flag = imported(toW3CAnnotation(ALL_SHAPES.flagWithCorrection, OPTIONS));
    expect(flag).toMatchObject({ correction: "discover ice in 1820", category: "wrong-date", sourceIri: OPTIONS.sourceUrl });
    const assessed = imported(toW3CAnnotation(ALL_SHAPES.flagWithoutCorrection, OPTIONS));
    expect(assessed.correction).toBeUndefined();
    expect(assessed.category).toBe("unsupported-claim");
  });

  it("accepts the JSON text as well as the object", () => {
    const json = JSON.stringify(toW3CAnnotation(ALL_SHAPES.comment, OPTIONS));
    expect(imported(json).kind).toBe("comment");
  });
});

describe("fromW3CAnnotation reads other clients' annotations", () => {
  it("reads a Hypothesis export: top-level selectors only, markdown body, acct creator", () => {
    expect(imported(hypothesisAnnotation)).toEqual({
      kind: "comment",
      quote: { exact: "1848.", prefix: "in the year ", suffix: " The" },
      position: { start: 1204, end: 1209 },
      bodyText: "Check **this** date against the census.",
      tags: ["census"],
      id: "https://hyp.is/AbC123/example.org/essay",
      sourceIri: "https://example.org/essay",
      creatorIri: "acct:historian42@hypothes.is",
      creatorName: "historian42",
      created: new Date("2023-11-02T09:15:30.123Z"),
      modified: new Date("2023-11-02T09:16:00.000Z"),
    });
  });

  it("treats a Hypothesis highlight (empty text) as a highlight", () => {
    const highlight = { ...hypothesisAnnotation, body: [{ type: "TextualBody", value: "", format: "text/markdown" }] };
    expect(imported(highlight).kind).toBe("highlight");
  });

  it("reads bodyValue, a single selector object and a Choice body", () => {
    const minimal = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://example.edu/anno/9",
      type: "Annotation",
      bodyValue: "A note.",
      target: { source: "https://example.edu/t", selector: { type: "TextQuoteSelector", exact: "x" } },
    };
    expect(imported(minimal)).toMatchObject({ kind: "comment", bodyText: "A note.", quote: { exact: "x" } });
    const choice = {
      ...minimal,
      bodyValue: undefined,
      body: { type: "Choice", items: [{ type: "TextualBody", value: "English" }, { type: "TextualBody", value: "Español" }] },
    };
    expect(imported(choice).bodyText).toBe("English");
  });
});

describe("fromW3CAnnotation keeps HTML out", () => {
  it("reduces a text/html body to plain text", () => {
    const html = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://example.edu/anno/5",
      type: "Annotation",
      body: {
        type: "TextualBody",
        format: "text/html",
        value: "<p>j&apos;adore <b>1848</b>&#33;</p><script>alert(1)</script><p>a &lt;tag&gt;<br>line</p>",
      },
      target: "https://example.edu/texts/42",
    };
    expect(imported(html)).toMatchObject({
      kind: "comment",
      bodyText: "j'adore 1848!\na <tag>\nline",
      sourceIri: "https://example.edu/texts/42",
    });
  });
});

describe("fromW3CAnnotation refuses malformed input with a sentence", () => {
  const good = toW3CAnnotation(ALL_SHAPES.comment, OPTIONS);
  const withSelector = (selector: unknown) => ({ ...good, target: { source: OPTIONS.sourceUrl, selector } });

  it.each([
    ["not JSON", "{nope", /not valid JSON/],
    ["not an object", [good], /expected a JSON object/],
    ["wrong type", { ...good, type: "Note" }, /type is not "Annotation"/],
    ["no type", { ...good, type: undefined }, /no type "Annotation"/],
    ["wrong @context", { ...good, "@context": "https://schema.org" }, /@context does not include/],
    ["no target", { ...good, target: undefined }, /no target/],
    ["body and bodyValue", { ...good, bodyValue: "x" }, /both body and bodyValue/],
    ["relative id", { ...good, id: "123" }, /\(id\): expected an absolute IRI/],
    ["date without timezone", { ...good, created: "2024-03-01T12:00:00" }, /\(created\): expected a date-time with a timezone/],
    ["quote without exact", withSelector({ type: "TextQuoteSelector", prefix: "a" }), /needs the quoted text in "exact"/],
    ["negative position", withSelector({ type: "TextPositionSelector", start: -1, end: 4 }), /cannot start or end before 0/],
    ["string position", withSelector({ type: "TextPositionSelector", start: "0", end: 4 }), /whole-number start and end/],
    ["backwards position", withSelector({ type: "TextPositionSelector", start: 9, end: 4 }), /ends before it starts/],
    ["TextualBody without value", { ...good, body: { type: "TextualBody" } }, /needs its text in "value"/],
    ["reply without parent IRI", { ...good, motivation: "replying" }, /does not say which annotation it answers/],
    ["target that is a number", { ...good, target: 42 }, /neither an IRI nor an object/],
  ])("%s", (_name, input, message) => {
    expect(refusal(input)).toMatch(message);
  });
});
