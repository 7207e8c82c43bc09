import type { SourceGeometry } from "./types";

/**
 * A revision's `geometry` column as the app reads it: the stored value when it
 * has the shape this version writes, null otherwise (a text reading, or a value
 * this code does not understand, which then reads as plain text).
 */
export function readStoredGeometry(value: unknown): SourceGeometry | null {
  if (!value || typeof value !== "object") return null;
  const g = value as Partial<SourceGeometry>;
  if (g.version !== 1 || (g.kind !== "pdf" && g.kind !== "image") || !Array.isArray(g.pages) || !Array.isArray(g.runs)) return null;
  return g as SourceGeometry;
}
