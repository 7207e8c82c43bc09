import { parseRichText, type TiptapDoc } from "@/lib/rich-text";
import type { ExportAnnotation, W3CExportOptions } from "@/lib/w3c";

/**
 * Named annotations on one essay passage ("…his father took him to discover
 * ice."), one per exported shape, as the app maps them from DB rows.
 */

export const OPTIONS: W3CExportOptions = {
  baseUrl: "https://marginalia.example/",
  sourceUrl: "https://marginalia.example/essays/one-hundred-years",
};

function body(input: unknown): TiptapDoc {
  const result = parseRichText(input);
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

const passage = {
  quote: { exact: "discover ice", prefix: "his father took him to ", suffix: "." },
  position: { start: 141, end: 153 },
};

const base = {
  createdAt: new Date("2024-03-01T12:00:00.000Z"),
  updatedAt: new Date("2024-03-01T12:05:00.000Z"),
  author: { id: "u5", name: "Ana Student" },
};

export const highlight: ExportAnnotation = { ...base, id: "a1", kind: "highlight", tags: [], ...passage };

export const taggedHighlight: ExportAnnotation = {
  ...base,
  id: "a2",
  kind: "highlight",
  tags: ["imagery", "memory"],
  quote: { exact: "discover ice" },
};

/** A highlight the student marked with one of the class's codes, and tagged. */
export const codedHighlight: ExportAnnotation = { ...base, id: "a7", kind: "highlight", tags: ["memory"], code: "Evidence", ...passage };

export const comment: ExportAnnotation = {
  ...base,
  id: "a3",
  kind: "comment",
  tags: ["narrator"],
  ...passage,
  body: body({
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Is this " },
          { type: "text", text: "really", marks: [{ type: "italic" }] },
          { type: "text", text: " the narrator <speaking>?" },
        ],
      },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "compare ch. 1" }] }] }] },
    ],
  }),
};

export const reply: ExportAnnotation = {
  ...base,
  id: "a4",
  kind: "reply",
  tags: [],
  parentId: "a3",
  author: { id: "u6", name: "Bo Teacher" },
  body: body({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "I think it is the author." }] }] }),
};

export const flagWithCorrection: ExportAnnotation = {
  ...base,
  id: "a5",
  kind: "flag",
  tags: ["dates"],
  ...passage,
  body: body({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Ice arrived in 1820, per the source." }] }] }),
  flag: { category: "wrong-date", correction: "discover ice in 1820", status: "open" },
};

export const flagWithoutCorrection: ExportAnnotation = {
  ...base,
  id: "a6",
  kind: "flag",
  tags: [],
  ...passage,
  flag: { category: "unsupported-claim", correction: "", status: "verified" },
};

/** Every exported shape, by name. */
export const ALL_SHAPES: Record<string, ExportAnnotation> = {
  highlight,
  taggedHighlight,
  codedHighlight,
  comment,
  reply,
  flagWithCorrection,
  flagWithoutCorrection,
};

/** A Hypothesis-style export (h's JSON-LD presenter): no motivation, markdown body, acct creator. */
export const hypothesisAnnotation = {
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  id: "https://hyp.is/AbC123/example.org/essay",
  created: "2023-11-02T09:15:30.123456+00:00",
  modified: "2023-11-02T09:16:00.000000+00:00",
  creator: "acct:historian42@hypothes.is",
  body: [
    { type: "TextualBody", value: "Check **this** date against the census.", format: "text/markdown" },
    { type: "TextualBody", value: "census", purpose: "tagging" },
  ],
  target: [
    {
      source: "https://example.org/essay",
      selector: [
        {
          type: "RangeSelector",
          startSelector: { type: "XPathSelector", value: "/main[1]/p[3]", refinedBy: { type: "TextPositionSelector", start: 4, end: 4 } },
          endSelector: { type: "XPathSelector", value: "/main[1]/p[3]", refinedBy: { type: "TextPositionSelector", start: 9, end: 9 } },
        },
        { type: "XPathSelector", value: "/main[1]/p[3]", refinedBy: { type: "TextPositionSelector", start: 4, end: 9 } },
        { type: "TextPositionSelector", start: 1204, end: 1209 },
        { type: "TextQuoteSelector", exact: "1848.", prefix: "in the year ", suffix: " The" },
      ],
    },
  ],
};
