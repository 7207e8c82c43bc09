import "server-only";
import { AppError } from "@/lib/errors";

/**
 * How deep an imported annotation file's arrays and objects may nest. JSON.parse
 * takes any depth, but the import's recursive steps after it (the item walk,
 * JSON.stringify for the content hash) overflow the stack somewhere past a few
 * thousand levels, and that was a 500. Our own download nests about 10 levels.
 * Request bodies in general need no such check: rich text has its own guard
 * (8 levels, read iteratively, with a sentence that names the problem), and
 * every other body is checked by a flat schema before anything recurses.
 */
export const MAX_JSON_DEPTH = 200;

/** True when arrays/objects in `value` nest deeper than `max`. Iterative, so the client's depth cannot overflow it. */
export function isNestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(item)) {
      if (child && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Refuses (422, with a sentence) a parsed body nested deeper than MAX_JSON_DEPTH, before anything recurses into it. */
export function requireShallowJson(value: unknown): void {
  if (isNestedDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new AppError("invalid", `The data is nested more than ${MAX_JSON_DEPTH} levels deep, which no request or annotation file needs. Nothing was saved.`);
  }
}
