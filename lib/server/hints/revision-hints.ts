import "server-only";
import { createTextIndex, describe } from "@/lib/anchoring";
import type { Block } from "@/lib/content";
import { findHints } from "@/lib/critique";
import { db } from "@/lib/db";
import type { HintDTO } from "@/lib/review/types";

/*
 * A revision's text never changes and findHints is deterministic, so a
 * revision's hints (per title) can be kept for the life of the process. The bound keeps
 * memory flat on a server that has seen many essays; evicting the oldest
 * entry is enough because a class works on a handful of revisions at a time.
 */
const MAX_CACHED_REVISIONS = 64;
const cache = new Map<string, readonly HintDTO[]>();

/** The id of a hint on one revision: its kind and code-point span. */
export function hintId(kind: string, startCp: number, endCp: number): string {
  return `${kind}@${startCp}-${endCp}`;
}

/**
 * The hints of one essay revision with W3C selectors (quote + code-point
 * position), computed once per revision id and then served from memory.
 * `title` is the essay's title, whose words count as key terms.
 */
export async function hintsForRevision(revisionId: string, title: string): Promise<readonly HintDTO[]> {
  // The title is front matter, not text: it can change without a new revision.
  const key = `${revisionId}\u0000${title}`;
  const held = cache.get(key);
  if (held) return held;
  const revision = await db.essayRevision.findUniqueOrThrow({ where: { id: revisionId }, select: { text: true, blocks: true } });
  const hints = describeHints(revision.text, revision.blocks as unknown as Block[], title);
  if (cache.size >= MAX_CACHED_REVISIONS) cache.delete(cache.keys().next().value as string);
  cache.set(key, hints);
  return hints;
}

function describeHints(text: string, blocks: Block[], title: string): HintDTO[] {
  const index = createTextIndex(text);
  return findHints({ text, blocks, title }).map((hint) => {
    const { quote, position } = describe(text, hint.start, hint.end, { index });
    return {
      id: hintId(hint.kind, position.start, position.end),
      kind: hint.kind,
      category: hint.category,
      message: hint.message,
      suggestion: hint.suggestion ?? null,
      confidence: hint.confidence,
      quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" },
      position: { start: position.start, end: position.end },
      span: { start: hint.start, end: hint.end },
    };
  });
}
