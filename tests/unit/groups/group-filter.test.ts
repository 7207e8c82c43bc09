import { describe, expect, it } from "vitest";
import { groupFilterOptions, keepByAuthor, parseGroupFilter, studentsOf } from "@/lib/groups/group-filter";
import type { GroupSetDTO } from "@/lib/groups/types";

const set: GroupSetDTO = {
  id: "set",
  owner: "class",
  groups: [
    { id: "g1", name: "Reds", memberIds: ["ana", "ben"] },
    { id: "g2", name: "Blues", memberIds: ["cai"] },
  ],
  unplaced: { id: "u", memberIds: ["dee"] },
  students: ["ana", "ben", "cai", "dee"].map((id) => ({ id, name: id })),
};
const work = [
  { id: 1, author: "ana" },
  { id: 2, author: "cai" },
  { id: 3, author: "dee" },
  { id: 4, author: "teacher" },
  { id: 5, author: "ben" },
];
const by = (filterValue: string) => keepByAuthor(work, studentsOf(parseGroupFilter(filterValue, set), set), (w) => w.author).map((w) => w.id);

describe("the review page's group filter", () => {
  it("offers the whole class, each group in order, and those in no group", () => {
    expect(groupFilterOptions(set)).toEqual([
      { value: "all", label: "Whole class" },
      { value: "group:g1", label: "Reds" },
      { value: "group:g2", label: "Blues" },
      { value: "unplaced", label: "Not in a group" },
    ]);
  });

  it("offers nothing without groups, and no 'Not in a group' when everyone has one", () => {
    expect(groupFilterOptions(null)).toEqual([]);
    expect(groupFilterOptions({ ...set, groups: [] })).toEqual([]);
    expect(groupFilterOptions({ ...set, unplaced: { id: "u", memberIds: [] } }).map((o) => o.value)).not.toContain("unplaced");
  });

  it("keeps the work of the chosen group's students only", () => {
    expect(by("all")).toEqual([1, 2, 3, 4, 5]);
    expect(by("group:g1")).toEqual([1, 5]);
    expect(by("group:g2")).toEqual([2]);
    expect(by("unplaced")).toEqual([3]);
  });

  it("reads a group since removed, or anything else, as the whole class", () => {
    expect(parseGroupFilter("group:gone", set)).toEqual({ kind: "all" });
    expect(parseGroupFilter("nonsense", set)).toEqual({ kind: "all" });
    expect(by("group:gone")).toEqual([1, 2, 3, 4, 5]);
  });
});
