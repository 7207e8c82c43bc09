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

/** What a collapsed card says in its two lines: kind and counts, then the first words of its text. */
export interface CompactSummary {
  /** "3 replies", "2 agree · 1 disagree"; empty parts left out. */
  counts: string[];
  /** The comment or rationale's first words, else the quoted passage; one line. */
  line: string;
}

/**
 * The collapsed form of a thread card: enough to tell threads apart in a
 * crowded margin (whose, what kind, how much discussion), with the rest one
 * click away. The flag's change ("1995 → 1955") leads its line, as it is what
 * the class argues about.
 */
export function compactSummary(a: {
  kind: AnnotationKind;
  quote: { exact: string };
  bodyText: string;
  replyCount: number;
  /** A flag's change and votes, worded by lib/format/flag-labels (describeCorrection, describeVotes). */
  flag?: { change: string; votes: string | null } | null;
}): CompactSummary {
  const counts: string[] = [];
  if (a.replyCount > 0) counts.push(a.replyCount === 1 ? "1 reply" : `${a.replyCount} replies`);
  if (a.flag?.votes) counts.push(a.flag.votes);
  const words = a.bodyText.replace(/\s+/gu, " ").trim();
  const quote = `“${truncateText(a.quote.exact, 80)}”`;
  const change = a.flag?.change ?? "";
  const line = [change, words ? truncateText(words, 120) : a.kind === "flag" ? "" : quote].filter(Boolean).join(" · ");
  return { counts, line: line || quote };
}
