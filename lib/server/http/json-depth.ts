import "server-only";

/**
 * Deepest nesting an imported file may have. Our own download nests about 10 levels and a long
 * chain of embedded pages stays far below; the import's recursive steps further on
 * (JSON.stringify of an item, at about 10,000 levels) would otherwise meet a depth the file chose.
 * Rich text needs no such check: its own guard (8 levels) reads iteratively and names the problem.
 */
export const MAX_JSON_DEPTH = 200;

/** True when arrays and objects in a parsed JSON value nest deeper than `limit`. Iterative on purpose. */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: { item: unknown; depth: number }[] = [{ item: value, depth: 0 }];
  while (stack.length > 0) {
    const { item, depth } = stack.pop()!;
    if (!item || typeof item !== "object") continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child && typeof child === "object") stack.push({ item: child, depth: depth + 1 });
    }
  }
  return false;
}
