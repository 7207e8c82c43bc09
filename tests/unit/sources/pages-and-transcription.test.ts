import { describe, expect, it } from "vitest";
import { clampToPage, describeOnPage, isLowConfidence, isWithinOnePage, reviseTranscription, sniffMediaType, type SourceText } from "@/lib/sources";

// Two pages: "Four score and seven" on page 1, "years ago our fathers" on page 2, joined by one newline.
const text = "Four score and seven\nyears ago our fathers";
const pages = [
  { width: 612, height: 792, start: 0, end: 20 },
  { width: 612, height: 792, start: 21, end: 42 },
];

describe("the one-page rule", () => {
  it("cuts a selection that runs onto the next page at the end of the page it starts on", () => {
    expect(clampToPage(pages, { start: 15, end: 30 })).toEqual({ start: 15, end: 20 });
    expect(clampToPage(pages, { start: 21, end: 26 })).toEqual({ start: 21, end: 26 });
    expect(isWithinOnePage(pages, { start: 15, end: 30 })).toBe(false);
    expect(isWithinOnePage(pages, { start: 15, end: 20 })).toBe(true);
    // A reading without pages has no such rule.
    expect(clampToPage([], { start: 3, end: 40 })).toEqual({ start: 3, end: 40 });
  });

  it("names the page (1-based, as page=N counts) and quotes within that page only", () => {
    expect(describeOnPage(text, { pages }, { start: 21, end: 26 })).toEqual({ page: 2, exact: "years", prefix: "", suffix: " ago our fathers" });
    expect(describeOnPage(text, { pages }, { start: 11, end: 14 })).toEqual({ page: 1, exact: "and", prefix: "Four score ", suffix: " seven" });
  });
});

describe("what an upload is", () => {
  it("is read from its first bytes, never its name", () => {
    const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(sniffMediaType(new TextEncoder().encode("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("image/png");
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff))).toBe("image/jpeg");
    expect(sniffMediaType(bytes(0x49, 0x49, 0x2a, 0x00))).toBe("image/tiff");
    expect(sniffMediaType(new TextEncoder().encode("<html><script>"))).toBeNull();
  });
});

describe("a corrected transcription", () => {
  const scanned: SourceText = {
    text: "a new mation",
    blocks: [{ type: "paragraph", start: 0, end: 12, page: 0 }],
    geometry: {
      version: 1,
      kind: "image",
      pages: [{ width: 100, height: 50, start: 0, end: 12 }],
      runs: [
        { p: 0, s: 0, e: 1, x: 1, y: 1, w: 5, h: 5, c: 96 },
        { p: 0, s: 2, e: 5, x: 8, y: 1, w: 15, h: 5, c: 91 },
        { p: 0, s: 6, e: 12, x: 25, y: 1, w: 30, h: 5, c: 41 },
      ],
    },
  };

  it("keeps every word's box; the word a person corrected is no longer marked unsure", () => {
    expect(isLowConfidence(scanned.geometry.runs[2])).toBe(true);
    const revised = reviseTranscription(scanned, "a new nation");
    expect(revised.text).toBe("a new nation");
    const word = revised.geometry.runs.find((r) => revised.text.slice(r.s, r.e) === "nation");
    expect(word).toMatchObject({ x: 25, y: 1, w: 30, h: 5 });
    expect(isLowConfidence(word!)).toBe(false);
    // Untouched words keep their confidence.
    expect(revised.geometry.runs.find((r) => revised.text.slice(r.s, r.e) === "new")?.c).toBe(91);
    expect(revised.geometry.pages[0]).toMatchObject({ start: 0, end: 12 });
  });
});
