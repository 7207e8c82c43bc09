import "server-only";

/**
 * Deepest nesting a request body may have. Rich text stops at 8 levels (about 20 of JSON) and a
 * JSON-LD import with a long chain of embedded pages stays far below; recursive code further on
 * (JSON.stringify for one, at about 10,000 levels) would otherwise meet a body the client chose.
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
