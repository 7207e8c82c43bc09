/**
 * The kinds of error a student (or a hint) can flag in a source. The same list
 * is used by the reader UI, the answer key and the hint finder, so a flag, a
 * key entry and a hint can be compared by category.
 */
export const FLAG_CATEGORIES = [
  "date_number",
  "name_place",
  "term_spelling",
  "misquote",
  "unsupported",
  "loaded_language",
  "contested",
  "page_artifact",
  "transcription",
] as const;

/** One of {@link FLAG_CATEGORIES}. */
export type FlagCategory = (typeof FLAG_CATEGORIES)[number];

/** The words shown to people for each category (menus, legends, reports). */
export const FLAG_CATEGORY_LABELS: Readonly<Record<FlagCategory, string>> = {
  date_number: "wrong date or number",
  name_place: "wrong name or place",
  term_spelling: "wrong term or spelling",
  misquote: "misquote or misattribution",
  unsupported: "unsupported claim (needs a source)",
  loaded_language: "loaded or biased language",
  contested: "contested interpretation",
  page_artifact: "page artifact or provenance problem",
  transcription: "transcription error (the scan was misread, not the source)",
};

/** True when `value` is one of the flag categories (for untrusted input). */
export function isFlagCategory(value: unknown): value is FlagCategory {
  return typeof value === "string" && (FLAG_CATEGORIES as readonly string[]).includes(value);
}

/** The human label of a category. */
export function flagCategoryLabel(category: FlagCategory): string {
  return FLAG_CATEGORY_LABELS[category];
}
