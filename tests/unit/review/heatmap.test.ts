import { describe, expect, it } from "vitest";
import {
  buildHeatRuns,
  describeRun,
  filterHeatSpans,
  heatLevel,
  heatSpansFrom,
  maxHeat,
  untouchedBlocks,
  type HeatSpan,
} from "@/lib/review/heatmap";
import { ana, annotationAt, ben, chloe, teacher } from "./review-fixtures";

const TEXT = "In 1995 the central committee set up a commission.\nJoin now!\nKhrushchev spoke in February 1956.";
const BLOCKS = TEXT.split("\n").reduce<{ start: number; end: number }[]>((acc, line) => {
  const start = acc.length === 0 ? 0 : acc[acc.length - 1].end + 1;
  return [...acc, { start, end: start + line.length }];
}, []);

/** A span over the first occurrence of `words`. */
function over(words: string, who: { id: string; name: string }, kind: HeatSpan["kind"] = "highlight", id = `${who.id}-${words}-${kind}`): HeatSpan {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`${words} not in the fixture`);
  return { annotationId: id, kind, codeId: null, start, end: start + words.length, student: { id: who.id, name: who.name } };
}

const textOf = (run: { start: number; end: number }) => TEXT.slice(run.start, run.end);

describe("buildHeatRuns", () => {
  it("tiles the whole text, with untouched stretches at zero", () => {
    const runs = buildHeatRuns(TEXT.length, [over("central committee", ana)]);
    expect(runs.map(textOf).join("")).toBe(TEXT);
    expect(runs.map((r) => [textOf(r), r.count])).toEqual([
      ["In 1995 the ", 0],
      ["central committee", 1],
      [" set up a commission.\nJoin now!\nKhrushchev spoke in February 1956.", 0],
    ]);
  });

  it("counts distinct students where marks overlap, not marks", () => {
    const runs = buildHeatRuns(TEXT.length, [
      over("In 1995 the central committee", ana),
      over("1995", ana, "flag"),
      over("1995 the central", ben),
      over("1995", chloe, "comment"),
    ]);
    const year = runs.find((r) => textOf(r) === "1995")!;
    expect(year.count).toBe(3);
    expect(year.counts).toEqual({ highlight: 2, comment: 1, flag: 1 });
    expect(year.students.map((s) => [s.name, s.kinds])).toEqual([
      ["Ana Petrova", ["highlight", "flag"]],
      ["Ben Hughes", ["highlight"]],
      ["Chloe Martin", ["comment"]],
    ]);
    expect(year.annotationIds).toHaveLength(4);
    // The hottest run is the one everybody touched.
    expect(maxHeat(runs)).toBe(3);
    expect(runs.filter((r) => r.count === maxHeat(runs)).map(textOf)).toEqual(["1995"]);
    expect(runs.find((r) => textOf(r) === " the central")!.count).toBe(2);
    expect(runs.find((r) => textOf(r) === " committee")!.count).toBe(1);
  });

  it("keeps annotation ids in the order given, so the first one opens in the reader", () => {
    const runs = buildHeatRuns(TEXT.length, [over("1995", ben, "highlight", "first"), over("1995", ana, "flag", "second")]);
    expect(runs.find((r) => textOf(r) === "1995")!.annotationIds).toEqual(["first", "second"]);
  });

  it("clamps spans to the text and ignores empty ones", () => {
    const runs = buildHeatRuns(10, [
      { annotationId: "long", kind: "highlight", codeId: null, start: 5, end: 99, student: ana },
      { annotationId: "empty", kind: "highlight", codeId: null, start: 3, end: 3, student: ben },
    ]);
    expect(runs.map((r) => [r.start, r.end, r.count])).toEqual([
      [0, 5, 0],
      [5, 10, 1],
    ]);
  });

  it("gives one zero run for a text nobody marked", () => {
    expect(buildHeatRuns(TEXT.length, []).map((r) => [r.start, r.end, r.count])).toEqual([[0, TEXT.length, 0]]);
    expect(buildHeatRuns(0, [])).toEqual([]);
  });
});

describe("filterHeatSpans", () => {
  it("keeps one kind or all", () => {
    const spans = [over("1995", ana), over("1995", ben, "flag"), over("Join now!", chloe, "comment")];
    expect(filterHeatSpans(spans, "all")).toHaveLength(3);
    expect(filterHeatSpans(spans, "flag").map((s) => s.student.name)).toEqual(["Ben Hughes"]);
  });
});

describe("heatSpansFrom", () => {
  it("counts students' placed, live annotations only", () => {
    const spans = heatSpansFrom([
      annotationAt({ start: 3, end: 7 }, { id: "ana" }),
      annotationAt({ start: 3, end: 7 }, { id: "teacher", author: teacher }),
      annotationAt({ start: 3, end: 7 }, { id: "deleted", author: ben, isDeleted: true }),
      annotationAt(null, { id: "orphan", author: ben }),
      annotationAt({ start: 3, end: 7 }, { id: "hidden", author: chloe, isHidden: true, kind: "comment" }),
      // Even an import whose author reads as a student (an older payload): no student made it here.
      annotationAt({ start: 3, end: 7 }, { id: "imported", author: ben, imported: { importedAt: "2026-12-02T10:00:00Z", originalCreator: "Ben", originalCreated: null } }),
    ]);
    expect(spans.map((s) => s.annotationId)).toEqual(["ana", "hidden"]);
    expect(spans[1]).toMatchObject({ kind: "comment", student: { id: chloe.id, name: chloe.name } });
  });
});

describe("untouchedBlocks", () => {
  it("lists the blocks no student marked", () => {
    const runs = buildHeatRuns(TEXT.length, [over("1995", ana), over("February", ben)]);
    expect(untouchedBlocks(BLOCKS, runs)).toEqual([1]);
  });

  it("treats a mark that crosses blocks as touching both", () => {
    const runs = buildHeatRuns(TEXT.length, [over("commission.\nJoin", ana)]);
    expect(untouchedBlocks(BLOCKS, runs)).toEqual([2]);
  });

  it("skips empty blocks: there is nothing in them to notice", () => {
    expect(untouchedBlocks([{ start: 0, end: 0 }, ...BLOCKS], buildHeatRuns(TEXT.length, []))).toEqual([1, 2, 3]);
  });
});

describe("heatLevel", () => {
  it("puts counts into the legend's steps 0, 1, 2, 3–4, 5+", () => {
    expect([0, 1, 2, 3, 4, 5, 40].map(heatLevel)).toEqual([0, 1, 2, 3, 3, 4, 4]);
  });
});

describe("describeRun", () => {
  it("names who marked a passage and how", () => {
    const [run] = buildHeatRuns(4, [
      { annotationId: "1", kind: "flag", codeId: null, start: 0, end: 4, student: ben },
      { annotationId: "2", kind: "highlight", codeId: null, start: 0, end: 4, student: ana },
    ]);
    expect(describeRun(run)).toBe("2 students: Ana Petrova (highlight), Ben Hughes (flag)");
    expect(describeRun(buildHeatRuns(4, [])[0])).toBe("No student marked this passage.");
  });
});
