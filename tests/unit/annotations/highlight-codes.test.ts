import { describe, expect, it } from "vitest";
import { applyFilter, countCodes, DEFAULT_FILTER } from "@/lib/annotations/filters";
import {
  CODE_COLOURS,
  CODE_CUES,
  codeForKey,
  DEFAULT_CODES,
  describeCode,
  dominantCode,
  MAX_CODES,
  nextCodeLook,
  type HighlightCodeDTO,
} from "@/lib/annotations/highlight-codes";
import { contrastRatio } from "@/lib/review/contrast";
import { filterHeatSpans, type HeatSpan } from "@/lib/review/heatmap";
import { saveHighlightCodesSchema } from "@/lib/validation/highlight-codes";
import { annotationAt } from "../review/review-fixtures";

const claim: HighlightCodeDTO = { id: "c-claim", label: "Claim", colour: "orange", cue: "circle", position: 0 };
const evidence: HighlightCodeDTO = { id: "c-evidence", label: "Evidence", colour: "sky", cue: "square", position: 1 };
const bias: HighlightCodeDTO = { id: "c-bias", label: "Bias", colour: "vermillion", cue: "triangle", position: 2 };
const byId = new Map([claim, evidence, bias].map((c) => [c.id, c]));

describe("the palette and the cues", () => {
  it("is the eight Okabe–Ito colours, each with a swatch ink that reads at 4.5:1", () => {
    expect(CODE_COLOURS.map((c) => c.hex)).toEqual(["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]);
    for (const c of CODE_COLOURS) {
      const other = c.ink === "#000000" ? "#FFFFFF" : "#000000";
      expect(contrastRatio(c.hex, c.ink), c.name).toBeGreaterThanOrEqual(4.5);
      // The ink is the better of black and white, not merely a passing one.
      expect(contrastRatio(c.hex, c.ink)).toBeGreaterThan(contrastRatio(c.hex, other));
    }
  });

  it("has a distinct shape for each of the nine keys, so codes differ without colour", () => {
    expect(CODE_CUES).toHaveLength(MAX_CODES);
    expect(new Set(CODE_CUES.map((c) => c.glyph.replace("\uFE0E", ""))).size).toBe(MAX_CODES);
    expect(new Set(CODE_CUES.map((c) => c.name)).size).toBe(MAX_CODES);
  });

  it("gives each new code an unused shape, and an unused colour while there is one", () => {
    const taken: { colour: string; cue: string }[] = [];
    for (let i = 0; i < MAX_CODES; i++) taken.push(nextCodeLook(taken));
    expect(new Set(taken.map((t) => t.cue)).size).toBe(MAX_CODES);
    expect(new Set(taken.slice(0, CODE_COLOURS.length).map((t) => t.colour)).size).toBe(CODE_COLOURS.length);
  });

  it("has a default set the server accepts as it is", () => {
    expect(saveHighlightCodesSchema.safeParse({ codes: DEFAULT_CODES }).success).toBe(true);
    expect(DEFAULT_CODES.map((c) => c.label)).toEqual(["Claim", "Evidence", "Bias", "Question"]);
  });

  it("names a code by its label, shape and colour, for screen readers", () => {
    expect(describeCode(claim)).toBe("Claim (circle, orange)");
    expect(describeCode(evidence)).toBe("Evidence (square, sky blue)");
  });
});

describe("keys and overlaps", () => {
  it("maps the digit keys 1–9 to codes by position, and nothing else", () => {
    const codes = [claim, evidence, bias];
    expect(codeForKey(codes, "1")).toBe(claim);
    expect(codeForKey(codes, "3")).toBe(bias);
    expect(codeForKey(codes, "4")).toBeNull();
    expect(codeForKey(codes, "0")).toBeNull();
    expect(codeForKey(codes, "h")).toBeNull();
    expect(codeForKey(codes, "12")).toBeNull();
  });

  it("colours an overlap by the code most of its marks carry, the earlier code on a tie", () => {
    expect(dominantCode(["c-bias", "c-evidence", "c-bias", null], byId)).toBe(bias);
    expect(dominantCode(["c-bias", "c-claim"], byId)).toBe(claim);
    expect(dominantCode(["c-bias", "c-claim", "c-claim"], byId)).toBe(claim);
    expect(dominantCode([null, undefined, "c-removed"], byId)).toBeNull();
  });
});

describe("filtering by code", () => {
  const coded = (id: string, start: number, codeId: string | null) => annotationAt({ start, end: start + 4 }, { id, codeId });
  const list = [coded("a", 0, "c-claim"), coded("b", 10, "c-bias"), coded("c", 20, null), coded("d", 30, "c-claim")];

  it("keeps only the marks with the chosen code in the reader, and everything with none chosen", () => {
    expect(applyFilter(list, { ...DEFAULT_FILTER, code: "c-claim" }).map((a) => a.id)).toEqual(["a", "d"]);
    expect(applyFilter(list, DEFAULT_FILTER).map((a) => a.id)).toEqual(["a", "b", "c", "d"]);
    expect(applyFilter(list, { ...DEFAULT_FILTER, code: "c-claim", who: "mine" })).toEqual([]);
  });

  it("counts the marks per code, leaving deleted ones out", () => {
    const deleted = annotationAt({ start: 40, end: 44 }, { id: "e", codeId: "c-bias", isDeleted: true });
    expect(Object.fromEntries(countCodes([...list, deleted]))).toEqual({ "c-claim": 2, "c-bias": 1 });
  });

  it("keeps one code's spans in the heatmap, with or without a kind", () => {
    const span = (annotationId: string, kind: HeatSpan["kind"], codeId: string | null): HeatSpan => ({ annotationId, kind, codeId, start: 0, end: 4, student: { id: "s", name: "S" } });
    const spans = [span("1", "highlight", "c-claim"), span("2", "comment", "c-claim"), span("3", "highlight", null)];
    expect(filterHeatSpans(spans, "all", "c-claim").map((s) => s.annotationId)).toEqual(["1", "2"]);
    expect(filterHeatSpans(spans, "highlight", "c-claim").map((s) => s.annotationId)).toEqual(["1"]);
    expect(filterHeatSpans(spans, "highlight").map((s) => s.annotationId)).toEqual(["1", "3"]);
  });
});
