import { describe, expect, it } from "vitest";
import { buildFlagGroups, canUnmerge, compareFlagGroups, flagsToDecide } from "@/lib/review/flag-queue";
import { ben, chloe, flagAt } from "./review-fixtures";

const ALL = { status: "all", category: "all" } as const;
const ids = (groups: { flags: { id: string }[]; merged: { id: string }[] }[]) => groups.map((g) => [...g.flags, ...g.merged].map((f) => f.id));
const at = (minute: number) => ({ createdAt: `2026-03-02T09:${String(minute).padStart(2, "0")}:00.000Z` });

describe("buildFlagGroups: flags on the same words with the same correction are one finding", () => {
  // Three students flag the same "1995" (offsets 10–14) and propose "1955"; a fourth proposes "1956".
  const anas = flagAt("ana-1995", 10, {}, at(1));
  const bens = flagAt("ben-1995", 10, { correction: " 1955 " }, { author: ben, ...at(2) });
  const chloes = flagAt("chloe-1995", 10, { votes: { agree: 2, disagree: 0 } }, { author: chloe, ...at(3) });
  const other = flagAt("ben-1956", 10, { correction: "1956" }, { author: ben, ...at(4) });
  // The same word elsewhere in the text is another finding.
  const elsewhere = flagAt("ana-1995-later", 300, {}, at(5));

  it("puts the three identical flags in one row, first finder first, and keeps other corrections and places apart", () => {
    const groups = buildFlagGroups([elsewhere, chloes, other, bens, anas], ALL);
    expect(ids(groups)).toEqual([["ana-1995", "ben-1995", "chloe-1995"], ["ben-1956"], ["ana-1995-later"]]);
  });

  it("ranks a finding by its flags' votes together, then by how many found it", () => {
    const [first] = buildFlagGroups([other, anas, bens, chloes], ALL);
    expect(first.agreement).toBe(2);
    const lone = buildFlagGroups([other], ALL)[0];
    const pair = buildFlagGroups([anas, bens], ALL)[0];
    expect(compareFlagGroups(pair, lone)).toBeLessThan(0);
  });

  it("lists a merged duplicate in the finding of the flag it lives on in, even through a chain", () => {
    const merged = flagAt("dan-1995", 10, { status: "merged", mergedIntoId: "ben-1995" }, at(6));
    const benMerged = { ...bens, flag: { ...bens.flag!, status: "merged" as const, mergedIntoId: "ana-1995" } };
    const [group] = buildFlagGroups([anas, benMerged, merged], ALL);
    expect(group.flags.map((f) => f.id)).toEqual(["ana-1995"]);
    expect(group.merged.map((f) => f.id)).toEqual(["ben-1995", "dan-1995"]);
  });

  it("shows a finding when any of its flags passes the filters, with all its flags", () => {
    const verified = { ...chloes, flag: { ...chloes.flag!, status: "verified" as const } };
    const groups = buildFlagGroups([anas, bens, verified, other], { status: "verified", category: "all" });
    expect(ids(groups)).toEqual([["ana-1995", "ben-1995", "chloe-1995"]]);
  });

  it("keeps a finding the teacher just acted on listed after it stops matching the filters", () => {
    const decided = { ...anas, flag: { ...anas.flag!, status: "verified" as const } };
    expect(buildFlagGroups([decided], { status: "open", category: "all" })).toEqual([]);
    expect(ids(buildFlagGroups([decided], { status: "open", category: "all" }, new Set(["ana-1995"])))).toEqual([["ana-1995"]]);
  });

  it("leaves out withdrawn flags and other kinds of annotation", () => {
    const withdrawn = flagAt("gone", 10, {}, { isDeleted: true });
    const highlight = flagAt("hl", 10, {}, { kind: "highlight", flag: undefined });
    expect(ids(buildFlagGroups([withdrawn, highlight, anas], ALL))).toEqual([["ana-1995"]]);
  });
});

describe("deciding a whole finding", () => {
  const open = flagAt("a", 10, {}, at(1));
  const verified = flagAt("b", 10, { status: "verified" }, at(2));
  const group = buildFlagGroups([open, verified], ALL)[0];

  it("changes only the flags that do not stand there already", () => {
    expect(flagsToDecide(group, { status: "verified" }).map((f) => f.id)).toEqual(["a"]);
    expect(flagsToDecide(group, { status: "rejected" }).map((f) => f.id)).toEqual(["a", "b"]);
  });

  it("includes verified flags when the teacher edits the correction", () => {
    expect(flagsToDecide(group, { status: "verified", correction: "1955." }).map((f) => f.id)).toEqual(["a", "b"]);
    expect(flagsToDecide(group, { status: "verified", correction: "1955" }).map((f) => f.id)).toEqual(["a"]);
  });
});

describe("canUnmerge", () => {
  it("offers an undo only while the flag it was merged into stands on its own", () => {
    const into = flagAt("into", 10);
    const merged = flagAt("m", 10, { status: "merged", mergedIntoId: "into" });
    expect(canUnmerge(merged as never, [into, merged])).toBe(true);
    const mergedAgain = flagAt("into", 10, { status: "merged", mergedIntoId: "elsewhere" });
    expect(canUnmerge(merged as never, [mergedAgain, merged])).toBe(false);
    expect(canUnmerge(into as never, [into])).toBe(false);
  });
});
