import { trimEndWhere } from "@/lib/text/trim-where";
/**
 * Shortens text for a one-glance preview: whitespace (including the line
 * breaks of a multi-paragraph quote) is collapsed, the cut falls on a word
 * boundary when one is reasonably close, never inside a surrogate pair, and
 * an ellipsis marks the cut. Text that already fits is returned collapsed.
 */
export function truncateText(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  const chars = Array.from(flat); // code points, so an emoji is never split
  if (chars.length <= maxChars) return flat;

  const limit = Math.max(1, maxChars - 1); // leave room for the ellipsis
  let cut = chars.slice(0, limit).join("");
  const lastSpace = cut.lastIndexOf(" ");
  // Only back up to a space if that keeps most of the preview.
  if (lastSpace > limit * 0.6) cut = cut.slice(0, lastSpace);
  return `${trimEndWhere(cut, (c) => /[\s.,;:!?–—-]/u.test(c))}…`;
}
