import type { GroupSetDTO } from "./types";

/** The review page's group filter: everyone, one group by id, or the students in no group. */
export type GroupFilter = { kind: "all" } | { kind: "group"; groupId: string } | { kind: "unplaced" };

/** The filter's choices for a set, in the set's order (none when the set has no groups). */
export function groupFilterOptions(set: GroupSetDTO | null): { value: string; label: string }[] {
  if (!set || set.groups.length === 0) return [];
  return [
    { value: "all", label: "Whole class" },
    ...set.groups.map((g) => ({ value: `group:${g.id}`, label: g.name })),
    ...(set.unplaced.memberIds.length > 0 ? [{ value: "unplaced", label: "Not in a group" }] : []),
  ];
}

/** A select's value as a filter; anything unknown (a group since removed) means everyone. */
export function parseGroupFilter(value: string, set: GroupSetDTO | null): GroupFilter {
  if (value === "unplaced" && set) return { kind: "unplaced" };
  const id = value.startsWith("group:") ? value.slice("group:".length) : null;
  if (id && set?.groups.some((g) => g.id === id)) return { kind: "group", groupId: id };
  return { kind: "all" };
}

/** The student ids a filter keeps (null: everyone). */
export function studentsOf(filter: GroupFilter, set: GroupSetDTO | null): ReadonlySet<string> | null {
  if (filter.kind === "all" || !set) return null;
  if (filter.kind === "unplaced") return new Set(set.unplaced.memberIds);
  return new Set(set.groups.find((g) => g.id === filter.groupId)?.memberIds ?? []);
}

/**
 * What the heatmap, the flag queue, the students table and the list show
 * under a filter: the work of the group's students (by author), so every
 * panel counts the same people. Pure.
 */
export function keepByAuthor<T>(items: readonly T[], students: ReadonlySet<string> | null, authorOf: (item: T) => string): readonly T[] {
  return students ? items.filter((item) => students.has(authorOf(item))) : items;
}
