import "server-only";

/** The app's tag limits (lib/validation/annotation.ts): imported tags are made to fit them. */
const MAX_TAG_CHARS = 32;
const MAX_TAGS = 10;

/**
 * One tag as the app allows it: letters, numbers, spaces, "_", "'" and "-",
 * starting with a letter or number, at most 32 characters, lower case.
 * Returns "" when nothing is left. Other tools allow more ("#census",
 * "1848/49"); refusing a whole file over a tag's punctuation would be worse
 * than dropping the punctuation.
 */
export function toAppTag(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} _'-]+/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/^[ _'-]+/, "")
    .slice(0, MAX_TAG_CHARS)
    .trim()
    .toLowerCase();
}

/** The tags to store: the item's own, made to fit, deduplicated, at most 10. */
export function importTags(tags: readonly string[]): string[] {
  const all = tags.map(toAppTag).filter((t) => t !== "");
  return [...new Set(all)].slice(0, MAX_TAGS);
}
