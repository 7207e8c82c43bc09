import { describe, expect, it } from "vitest";
import type { FlagCategory } from "@/lib/annotations/types";
import { buildKeyReport, type PlacedEntry, type PlacedFlag } from "@/lib/review/build-key-report";
import type { AnswerKeyEntryDTO } from "@/lib/review/types";

const entry = (id: string, start: number, end: number, category: FlagCategory): PlacedEntry => ({
  entry: {
    id,
    revisionId: "r1",
    isOnCurrentRevision: true,
    quote: { exact: id, prefix: "", suffix: "" },
    position: { start, end },
    category,
    correction: "",
    note: "",
    hintKind: null,
    createdAt: "2025-01-01T00:00:00.000Z",
  } satisfies AnswerKeyEntryDTO,
  span: { start, end },
});

const flag = (id: string, authorId: string, span: PlacedFlag["span"], category: FlagCategory): PlacedFlag => ({
  id,
  authorId,
  span,
  quote: { exact: id, prefix: "", suffix: "" },
  category,
  correction: "",
  status: "open",
});

const ana = { id: "ana", name: "Ana" };
const ben = { id: "ben", name: "Ben" };
const year = entry("year", 100, 104, "date_number");
const term = entry("term", 10, 24, "term_spelling");

function report(flags: PlacedFlag[], entries: PlacedEntry[] = [term, year]) {
  return buildKeyReport({ entries, students: [ana, ben], flags, hrefFor: (id) => `/read#${id}` });
}

describe("buildKeyReport", () => {
  it("credits the same category as found and another category as partial", () => {
    const { entries } = report([flag("a1", "ana", { start: 98, end: 102 }, "date_number"), flag("b1", "ben", { start: 12, end: 14 }, "misquote")]);
    expect(entries.map((e) => [e.entry.id, e.found.map((f) => f.student.name), e.partial.map((f) => f.student.name)])).toEqual([
      ["term", [], ["Ben"]],
      ["year", ["Ana"], []],
    ]);
  });

  it("gives a student with no flags a miss for every placed entry", () => {
    const { students } = report([flag("a1", "ana", { start: 98, end: 102 }, "date_number")]);
    expect(students).toEqual([
      { student: ana, found: 1, partial: 0, missed: 1, outside: 0 },
      { student: ben, found: 0, partial: 0, missed: 2, outside: 0 },
    ]);
  });

  it("lists flags that touch no entry as outside the key, in text order, with their links", () => {
    const { outside } = report([
      flag("late", "ana", { start: 300, end: 310 }, "contested"),
      flag("early", "ben", { start: 50, end: 60 }, "unsupported"),
      flag("touching", "ana", { start: 104, end: 110 }, "date_number"),
    ]);
    expect(outside.map((o) => [o.annotationId, o.student.name, o.href])).toEqual([
      ["early", "Ben", "/read#early"],
      ["touching", "Ana", "/read#touching"],
      ["late", "Ana", "/read#late"],
    ]);
  });

  it("leaves an unplaced entry out of every score, and counts unplaced flags apart", () => {
    const gone: PlacedEntry = { ...entry("gone", 0, 5, "date_number"), span: null };
    const result = report([flag("lost", "ana", null, "date_number")], [gone, year]);
    expect(result.entries[0]).toMatchObject({ isPlaced: false, found: [], partial: [] });
    expect(result.students.map((s) => s.missed)).toEqual([1, 1]);
    expect(result.outside).toEqual([]);
    expect(result.unplacedFlagCount).toBe(1);
  });

  it("keeps the credit of those who found an entry fixed in the source, and makes it nobody's miss", () => {
    const fixedYear: PlacedEntry = { ...year, isFixedInSource: true };
    const onOldWords = { ...flag("a1", "ana", { start: 100, end: 104 }, "date_number"), isOnReplacedWords: true };
    const before = report([{ ...onOldWords, isOnReplacedWords: false }]);
    const after = report([onOldWords], [term, fixedYear]);
    expect(after.entries[1]).toMatchObject({ fixedInSource: true, isPlaced: true, found: [{ student: ana, flagIds: ["a1"] }] });
    expect(after.students.find((s) => s.student.id === "ana")?.found).toBe(before.students.find((s) => s.student.id === "ana")?.found);
    expect(after.students).toEqual([
      { student: ana, found: 1, partial: 0, missed: 1, outside: 0 },
      { student: ben, found: 0, partial: 0, missed: 1, outside: 0 },
    ]);
    expect(after.outside).toEqual([]);
  });

  it("does not let a flag made on the corrected words find an entry fixed in the source", () => {
    const fixedYear: PlacedEntry = { ...year, isFixedInSource: true };
    const result = report([flag("b2", "ben", { start: 100, end: 104 }, "date_number")], [term, fixedYear]);
    expect(result.entries[1].found).toEqual([]);
    expect(result.students.find((s) => s.student.id === "ben")).toMatchObject({ found: 0, outside: 1 });
    expect(result.outside.map((o) => o.annotationId)).toEqual(["b2"]);
  });

  it("ignores flags by people who are not students of the class", () => {
    const { entries, outside } = report([flag("t1", "teacher", { start: 100, end: 104 }, "date_number")]);
    expect(entries.every((e) => e.found.length === 0)).toBe(true);
    expect(outside).toEqual([]);
  });
});
