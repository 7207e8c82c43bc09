import { tagsSchema } from "@/lib/validation/annotation";

/** Result of reading the comma-separated tags field. */
export type TagInputResult = { ok: true; tags: string[] } | { ok: false; message: string };

/**
 * Reads "dates, Sources ,dates" as ["dates", "sources"], with the same rules
 * the API applies (lib/validation/annotation), so a student sees the problem
 * before posting. Empty pieces between commas are ignored.
 */
export function parseTagInput(text: string): TagInputResult {
  const pieces = text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const parsed = tagsSchema.safeParse(pieces);
  if (parsed.success) return { ok: true, tags: parsed.data };
  const issue = parsed.error.issues[0];
  const index = issue.path[0];
  // Name the offending tag: "Tag “x!”: Tags may use letters…" beats a bare rule.
  const prefix =
    typeof index === "number" && pieces[index] !== undefined ? `Tag “${pieces[index].slice(0, 40)}”: ` : "";
  return { ok: false, message: `${prefix}${issue.message}` };
}

/** The tags as the text field shows them: "dates, sources". */
export function formatTagInput(tags: readonly string[]): string {
  return tags.join(", ");
}
