/** How a teacher asks for an automatic split: a number of groups, or groups of about a size. */
export type SplitRequest = { count: number } | { size: number };

/** The number of groups a request makes for `students` students (at least one, at most one per student). */
export function groupCountFor(students: number, request: SplitRequest): number {
  const wanted = "count" in request ? request.count : Math.round(students / Math.max(1, request.size));
  return Math.max(1, Math.min(Math.max(1, students), wanted));
}

/**
 * Splits students into groups whose sizes differ by at most one, in a
 * shuffled order (`random` returns [0, 1), so tests can fix it): dealing
 * cards round the table, so "groups of about 4" for 30 students gives 8
 * groups of 3 or 4, never one of 2 beside ones of 5. Pure.
 */
export function splitIntoGroups<T>(students: readonly T[], request: SplitRequest, random: () => number = Math.random): T[][] {
  const shuffled = [...students];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const groups: T[][] = Array.from({ length: groupCountFor(students.length, request) }, () => []);
  shuffled.forEach((s, i) => groups[i % groups.length].push(s));
  return groups;
}

/** The default names: "Group 1", "Group 2"… */
export function defaultGroupName(index: number): string {
  return `Group ${index + 1}`;
}
