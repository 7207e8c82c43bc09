import type { AnchorStatus, AnnotationKind, Scope } from "@/lib/annotations/types";
import { truncateText } from "./truncate-text";

/**
 * Words shown on annotation threads. Kept here, not in components, so labels
 * stay identical across the card, filters and exports, and can be tested.
 */

const KIND_LABELS: Record<AnnotationKind, string> = {
  highlight: "Highlight",
  comment: "Comment",
  flag: "Flag",
};

/** "Highlight", "Comment" or "Flag". */
export function kindLabel(kind: AnnotationKind): string {
  return KIND_LABELS[kind];
}

/** Scopes in the order a student should meet them in a <select>. */
export const SCOPE_OPTIONS: readonly { value: Scope; label: string }[] = [
  { value: "class", label: "Class" },
  { value: "teachers", label: "Me + teachers" },
  { value: "private", label: "Only me" },
];

/** "Only me", "Class" or "Me + teachers". */
export function scopeLabel(scope: Scope): string {
  return SCOPE_OPTIONS.find((o) => o.value === scope)?.label ?? scope;
}

/** Narrows a <select> value back to a Scope; null for anything else. */
export function toScope(value: string): Scope | null {
  return SCOPE_OPTIONS.some((o) => o.value === value) ? (value as Scope) : null;
}

/** Longest quoted passage shown inline on a card before "Show full passage". */
export const QUOTE_PREVIEW_CHARS = 140;

/**
 * A sentence explaining where the annotation sits now, or null when it sits
 * where it was made. `currentText` is what a replaced passage reads now. A
 * flag fixed in the source was replaced by its own correction: that is the
 * outcome it asked for, so it is told plainly, never as a "changed" warning
 * beside the card's "Fixed in the source".
 */
export function anchorStatusNote(
  status: AnchorStatus,
  currentText?: string,
  { isFixedInSource = false }: { isFixedInSource?: boolean } = {},
): string | null {
  switch (status) {
    case "anchored":
      return null;
    case "fuzzy":
      return "Possibly moved: the text around this passage has changed.";
    case "replaced": {
      const now = currentText?.trim();
      if (isFixedInSource) return now ? `The source now reads: “${truncateText(now, QUOTE_PREVIEW_CHARS)}”` : null;
      return now
        ? `The passage was changed. It now reads: “${truncateText(now, QUOTE_PREVIEW_CHARS)}”`
        : "The passage was changed.";
    }
    case "orphan":
      return "Could not be placed in the current text.";
  }
}

/** "Ana Petrova's", "James's"; "your" for the viewer's own items. */
export function possessive(name: string, isViewer: boolean): string {
  return isViewer ? "your" : `${name}’s`;
}
