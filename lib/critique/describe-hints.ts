import { createTextIndex, describe } from "../anchoring";
import type { Block } from "../content/types";
import type { HintDTO } from "../review/types";
import { findHints } from "./find-hints";

/** The id of a hint on one revision: its kind and code-point span. */
export function hintId(kind: string, startCp: number, endCp: number): string {
  return `${kind}@${startCp}-${endCp}`;
}

/**
 * The hints of one revision's text with the W3C selectors (quote + code-point
 * position) a key entry or flag would store. Pure, so it can run in a worker
 * thread: on a 1 MB reading it takes too long for the request thread.
 */
export function describeHints(text: string, blocks: Block[], title: string): HintDTO[] {
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
