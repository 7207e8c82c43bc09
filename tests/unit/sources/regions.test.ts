import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  centredRegion,
  checkRegion,
  describeRegion,
  moveRegion,
  parseFragmentValue,
  parseSvgValue,
  resizeRegion,
  toFragmentValue,
  toSvgValue,
  type Region,
} from "@/lib/sources/regions";
import { fromW3CAnnotation, toW3CAnnotation, type ExportAnnotation } from "@/lib/w3c";
import { regionSchema } from "@/lib/validation/annotation";
import { findConformanceDir, suiteTitle } from "../../helpers/conformance";
import { loadMustValidator, type MustValidator } from "../../helpers/w3c-validator";

/** A poster scanned at 1200 × 800 pixels. */
const POSTER = { width: 1200, height: 800 };
const caption: Region = { type: "rect", x: 100, y: 600, w: 400, h: 120 };
const soldier: Region = { type: "polygon", points: [[700, 100], [900, 120], [880, 500], [690, 480]] };
const OPTIONS = { baseUrl: "https://marginalia.test", sourceUrl: "https://marginalia.test/essays/poster?revision=r1" };

function exported(region: Region, kind: ExportAnnotation["kind"] = "comment"): ExportAnnotation {
  return {
    id: "a1",
    kind,
    createdAt: new Date("2026-12-07T10:00:00Z"),
    updatedAt: new Date("2026-12-07T10:00:00Z"),
    author: { id: "u1", name: "Ana" },
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The date on the caption is wrong." }] }] },
    tags: [],
    refinement: { shape: region },
    ...(kind === "flag" ? { flag: { category: "date_number", correction: "1917", status: "open" } } : {}),
  };
}

describe("a region on a picture", () => {
  it("is accepted inside the picture and refused outside, too small, or with a bad polygon, each with a sentence", () => {
    expect(checkRegion(caption, POSTER)).toBeNull();
    expect(checkRegion(soldier, POSTER)).toBeNull();
    expect(checkRegion({ ...caption, x: 1000 }, POSTER)).toMatch(/inside the picture \(1200 × 800 pixels\)/);
    expect(checkRegion({ ...caption, y: -20 }, POSTER)).toMatch(/inside the picture/);
    expect(checkRegion({ ...caption, w: 2 }, POSTER)).toMatch(/at least 4 pixels/);
    expect(checkRegion({ ...caption, x: Number.NaN }, POSTER)).toMatch(/must be numbers/);
    expect(checkRegion({ type: "polygon", points: [[1, 1], [50, 50]] }, POSTER)).toMatch(/at least 3 corners/);
    const many = Array.from({ length: 101 }, (_, i) => [10 + i, 10 + (i % 7) * 10] as [number, number]);
    expect(checkRegion({ type: "polygon", points: many }, POSTER)).toMatch(/at most 100 corners; this one has 101/);
  });

  it("is checked for shape by the API's schema (no extra fields, numbers only)", () => {
    expect(regionSchema.safeParse(caption).success).toBe(true);
    expect(regionSchema.safeParse({ ...caption, svg: "<svg onload=alert(1)>" }).success).toBe(false);
    expect(regionSchema.safeParse({ type: "rect", x: "1", y: 2, w: 3, h: 4 }).success).toBe(false);
    expect(regionSchema.safeParse({ type: "rect", x: Infinity, y: 2, w: 30, h: 40 }).success).toBe(false);
    expect(regionSchema.safeParse({ type: "circle", cx: 1 }).success).toBe(false);
  });

  it("moves and resizes by the keyboard's steps without leaving the picture", () => {
    const start = centredRegion(POSTER);
    expect(start).toEqual({ type: "rect", x: 480, y: 320, w: 240, h: 160 });
    expect(moveRegion(start, 24, -16, POSTER)).toMatchObject({ x: 504, y: 304 });
    // Pushed past the right edge it stops there.
    expect(moveRegion(start, 5000, 0, POSTER)).toMatchObject({ x: 960, w: 240 });
    expect(resizeRegion(start, 24, 16, POSTER)).toMatchObject({ w: 264, h: 176 });
    expect(resizeRegion(start, -5000, 0, POSTER)).toMatchObject({ w: 4 });
    const moved = moveRegion(soldier, -10, 10, POSTER);
    expect(moved).toEqual({ type: "polygon", points: [[690, 110], [890, 130], [870, 510], [680, 490]] });
    expect(checkRegion(resizeRegion(soldier, 5000, 5000, POSTER), POSTER)).toBeNull();
  });

  it("says where it is in words, for the live line a screen reader reads", () => {
    expect(describeRegion(caption, POSTER)).toBe("Rectangle, bottom left: from 8 % to 42 % across and 75 % to 90 % down");
    expect(describeRegion(centredRegion(POSTER), POSTER)).toMatch(/^Rectangle, centre:/);
    expect(describeRegion(soldier, POSTER)).toBe("Polygon of 4 corners, centre: from 57 % to 75 % across and 13 % to 63 % down");
    expect(describeRegion({ type: "rect", x: 1000, y: 20, w: 150, h: 100 }, POSTER)).toMatch(/^Rectangle, top right:/);
  });
});

describe("its W3C selectors", () => {
  it("are a media fragment `xywh=` for a rectangle and one SVG polygon written from numbers, read back alike", () => {
    expect(toFragmentValue(caption as Extract<Region, { type: "rect" }>)).toBe("xywh=pixel:100,600,400,120");
    expect(parseFragmentValue("xywh=100,600,400,120")).toEqual(caption);
    expect(parseFragmentValue("xywh=percent:50,50,10,10", POSTER)).toEqual({ type: "rect", x: 600, y: 400, w: 120, h: 80 });
    const svg = toSvgValue(soldier as Extract<Region, { type: "polygon" }>);
    expect(svg).toBe('<svg xmlns="http://www.w3.org/2000/svg"><polygon points="700,100 900,120 880,500 690,480"/></svg>');
    expect(parseSvgValue(svg)).toEqual(soldier);
    // Annotorious writes the same polygon without the namespace.
    expect(parseSvgValue('<svg><polygon points="700,100 900,120 880,500 690,480" /></svg>')).toEqual(soldier);
  });

  it("refuse any other SVG: scripts, handlers, other shapes, entities", () => {
    for (const value of [
      '<svg onload="alert(1)"><polygon points="1,1 5,5 1,5"/></svg>',
      '<svg><polygon points="1,1 5,5 1,5" onclick="alert(1)"/></svg>',
      '<svg><polygon points="1,1 5,5 1,5"/><script>alert(1)</script></svg>',
      '<svg><circle cx="5" cy="5" r="4"/></svg>',
      '<!DOCTYPE svg [<!ENTITY x "y">]><svg><polygon points="1,1 5,5 1,5"/></svg>',
      '<svg><polygon points="1,1 5,5 1"/></svg>',
    ]) {
      expect(parseSvgValue(value), value).toBeNull();
    }
    expect(parseFragmentValue("xywh=javascript:alert(1)")).toBeNull();
    expect(parseFragmentValue("t=10,20")).toBeNull();
  });

  it("export and import round trip: a rectangle and a polygon come back as the same regions", () => {
    for (const region of [caption, soldier]) {
      const w3c = toW3CAnnotation(exported(region, "flag"), OPTIONS);
      const back = fromW3CAnnotation(JSON.parse(JSON.stringify(w3c)));
      expect(back.ok && back.annotation.region).toEqual(region);
      expect(back.ok && back.annotation.quote).toBeUndefined();
    }
  });
});

const dir = findConformanceDir();
describe.skipIf(!dir)(suiteTitle("regions against the W3C MUST schemas and the XSS corpus"), () => {
  let musts: MustValidator;
  let payloads: string[];
  beforeAll(() => {
    musts = loadMustValidator(dir ?? "");
    const corpus = JSON.parse(readFileSync(path.join(dir ?? "", "xss", "payloads.json"), "utf8")) as { payloads: { payload: string }[] };
    payloads = corpus.payloads.map((p) => p.payload);
  });

  it("exports a rectangle and a polygon that pass all 54 MUSTs", () => {
    for (const kind of ["highlight", "comment", "flag"] as const) {
      for (const region of [caption, soldier]) {
        const w3c = toW3CAnnotation(exported(region, kind), OPTIONS);
        expect(musts(w3c).failures, `${kind} ${region.type}`).toEqual([]);
      }
    }
  });

  it("reads none of the 333 XSS payloads as a region, as an SvgSelector or a FragmentSelector", () => {
    expect(payloads.length).toBe(333);
    for (const payload of payloads) {
      expect(parseSvgValue(payload), payload).toBeNull();
      expect(parseFragmentValue(payload), payload).toBeNull();
      const annotation = { ...toW3CAnnotation(exported(caption), OPTIONS), target: { source: OPTIONS.sourceUrl, selector: { type: "SvgSelector", value: payload } } };
      const read = fromW3CAnnotation(annotation);
      expect(read.ok, payload).toBe(false);
    }
  });
});
