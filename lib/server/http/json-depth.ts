import "server-only";
import { AppError } from "@/lib/errors";

/**
 * How deep a request body's arrays and objects may nest. JSON.parse takes any
 * depth, but every recursive step after it (schema checks, JSON.stringify,
 * Prisma's serialiser) overflows the stack somewhere past a few thousand
 * levels, and that was a 500. Nothing we accept comes near this: rich text is
 * at most 8 Tiptap levels (about 20 in JSON), a W3C import file about 10.
 */
export const MAX_JSON_DEPTH = 64;

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
