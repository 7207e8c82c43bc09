import { describe, expect, it } from "vitest";
import {
  answerKeyEntrySchema,
  matchFlagToKey,
  spansOverlap,
  studentFlagSchema,
  summarizeStudent,
} from "../../../lib/critique/answer-key";
import type { AnswerKeyEntry, StudentFlag } from "../../../lib/critique/answer-key";
import type { FlagCategory } from "../../../lib/critique/categories";

const key: AnswerKeyEntry[] = [
  { id: "year", start: 100, end: 104, category: "date_number", correction: "1955" },
  { id: "term", start: 10, end: 24, category: "term_spelling", correction: "De-Stalinization" },
  { id: "chrome", start: 200, end: 209, category: "page_artifact", correction: "" },
];

const flag = (id: string, start: number, end: number, category: FlagCategory): StudentFlag => ({
  id,
  authorId: "student-1",
  start,
  end,
  category,
});

describe("matchFlagToKey", () => {
  it("overlap + same category = found", () => {
    const match = matchFlagToKey(flag("f", 98, 102, "date_number"), key);
    expect(match.outcome).toBe("found");
    expect(match.entry?.id).toBe("year");
  });

  it("overlap + another category = partial", () => {
    const match = matchFlagToKey(flag("f", 101, 103, "name_place"), key);
    expect(match.outcome).toBe("partial");
    expect(match.entry?.id).toBe("year");
  });

  it("no overlap = none", () => {
    const match = matchFlagToKey(flag("f", 50, 60, "date_number"), key);
    expect(match).toMatchObject({ outcome: "none", entry: null, found: [], partial: [] });
  });

  it("spans that only touch do not match, on either side", () => {
    expect(matchFlagToKey(flag("before", 96, 100, "date_number"), key).outcome).toBe("none");
    expect(matchFlagToKey(flag("after", 104, 110, "date_number"), key).outcome).toBe("none");
    expect(spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(spansOverlap({ start: 0, end: 6 }, { start: 5, end: 9 })).toBe(true);
  });

  it("an empty span overlaps nothing", () => {
    expect(matchFlagToKey(flag("caret", 102, 102, "date_number"), key).outcome).toBe("none");
  });

  it("prefers a same-category entry over a larger other-category overlap", () => {
    const entries: AnswerKeyEntry[] = [
      { id: "wide", start: 0, end: 50, category: "contested", correction: "" },
      { id: "narrow", start: 40, end: 45, category: "date_number", correction: "1956" },
    ];
    const match = matchFlagToKey(flag("f", 30, 50, "date_number"), entries);
    expect(match.outcome).toBe("found");
    expect(match.entry?.id).toBe("narrow");
    expect(match.partial.map((e) => e.id)).toEqual(["wide"]);
  });
});

describe("summarizeStudent", () => {
  it("scores each entry found / partial / missed and lists the flags outside the key", () => {
    const flags = [
      flag("a", 12, 20, "term_spelling"), // finds "term"
      flag("b", 101, 104, "misquote"), // partial on "year"
      flag("c", 300, 310, "loaded_language"), // outside the key
      flag("d", 209, 215, "page_artifact"), // touches "chrome": outside, not a match
    ];
    const summary = summarizeStudent(flags, key);
    expect(summary.entries.map((r) => [r.entry.id, r.status, r.flagIds])).toEqual([
      ["year", "partial", ["b"]],
      ["term", "found", ["a"]],
      ["chrome", "missed", []],
    ]);
    expect(summary.outside.map((f) => f.id)).toEqual(["c", "d"]);
    expect(summary.counts).toEqual({ found: 1, partial: 1, missed: 1, outside: 2 });
  });

  it("a right-category flag beats a wrong-category one on the same entry", () => {
    const summary = summarizeStudent([flag("wrong", 100, 104, "name_place"), flag("right", 102, 103, "date_number")], key);
    expect(summary.entries[0]).toMatchObject({ status: "found", flagIds: ["right"] });
  });

  it("no flags: everything missed, nothing outside", () => {
    expect(summarizeStudent([], key).counts).toEqual({ found: 0, partial: 0, missed: 3, outside: 0 });
  });
});

describe("schemas", () => {
  it("accept well-formed entries and flags", () => {
    expect(answerKeyEntrySchema.parse(key[0])).toEqual(key[0]);
    expect(studentFlagSchema.parse(flag("f", 1, 2, "contested")).id).toBe("f");
  });

  it("reject unknown categories and empty or reversed spans", () => {
    expect(answerKeyEntrySchema.safeParse({ ...key[0], category: "spelling" }).success).toBe(false);
    expect(studentFlagSchema.safeParse(flag("f", 5, 5, "contested")).success).toBe(false);
    expect(studentFlagSchema.safeParse(flag("f", 6, 5, "contested")).success).toBe(false);
  });
});
