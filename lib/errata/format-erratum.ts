import type { EvidenceDTO, FlagCategory } from "@/lib/annotations/types";
import type { Block } from "@/lib/content";
import { flagCategoryLabel } from "@/lib/critique/categories";
import { normalizeHref } from "@/lib/rich-text";
import type { SkipInfo } from "./types";

/**
 * Wording shared by the errata page and the Markdown download, so the two
 * never describe the same erratum differently.
 */

/** "wrong date or number" → "Wrong date or number": the label starts an item in a list. */
export function erratumCategoryLabel(category: FlagCategory): string {
  const label = flagCategoryLabel(category);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * The evidence link if it is an absolute http(s) address that passes the
 * rich-text URL policy; null otherwise. mailto: is dropped on purpose: a
 * source is something to read, and an errata sheet is printed and shared.
 */
export function safeEvidenceUrl(url: string | null | undefined): string | null {
  const href = normalizeHref(url);
  return href && /^https?:/i.test(href) ? href : null;
}

/** One sentence fragment for a correction that was not applied. */
export function describeSkip(skip: SkipInfo): string {
  switch (skip.reason) {
    case "overlap":
      return skip.overlapsWith === undefined
        ? "not applied: it overlaps another correction"
        : `not applied: it overlaps erratum ${skip.overlapsWith}`;
    case "crosses_blocks":
      return "not applied: it spans more than one paragraph";
    case "out_of_range":
      return "not applied: its position is outside the text";
    case "no_change":
      return "not applied: the text already reads this way";
    case "source_changed":
      return "not applied: the source's wording changed after it was flagged";
  }
}

/**
 * The citation of one piece of evidence as plain text parts, in the order
 * "Title, Author (Year), locator": empty fields are left out. The URL and the
 * quote are not included; callers render them (a link, curly quotes).
 */
export function citationParts(evidence: EvidenceDTO): string[] {
  const byline = [evidence.author.trim(), evidence.year.trim() ? `(${evidence.year.trim()})` : ""].filter(Boolean).join(" ");
  return [evidence.title.trim(), byline, evidence.locator.trim()].filter(Boolean);
}

/**
 * Headings moved `by` levels down (at most h6), so the essay's own title sits
 * under the errata page's title and section heading instead of beside them.
 */
export function nestHeadings(blocks: Block[], by: number): Block[] {
  return blocks.map((b) => (b.type === "heading" ? { ...b, level: Math.min(6, Math.max(1, b.level ?? 2) + by) } : b));
}
