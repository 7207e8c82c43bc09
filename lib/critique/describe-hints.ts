import { createTextIndex, describe } from "../anchoring";
import type { Block } from "../content/types";
import type { HintDTO } from "../review/types";
import type { Glossary } from "../validation/glossary";
import { findHints } from "./find-hints";
import type { Lexicon } from "./lexicon";

/** The id of a hint on one revision: its kind and code-point span. */
export function hintId(kind: string, startCp: number, endCp: number): string {
  return `${kind}@${startCp}-${endCp}`;
}

/** What describeHints needs besides the text: the reading's glossary and the word list, both optional. */
export interface DescribeHintsOptions {
  glossary?: Glossary | null;
  lexicon?: Lexicon;
}

/**
 * The hints of one revision's text with the W3C selectors (quote + code-point
 * position) a key entry or flag would store, and the evidence for each with
 * the passage it points at. Pure, so it can run in a worker thread: on a 1 MB
 * reading it takes too long for the request thread.
 */
export function describeHints(text: string, blocks: Block[], title: string, { glossary = null, lexicon }: DescribeHintsOptions = {}): HintDTO[] {
  const index = createTextIndex(text);
  return findHints({ text, blocks, title, glossary }, { lexicon }).map((hint) => {
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
      evidence: hint.evidence.map((e) => ({
        source: e.source,
        note: e.note,
        span: e.span ? { start: e.span.start, end: e.span.end } : null,
        quote: e.span ? text.slice(e.span.start, e.span.end) : null,
      })),
    };
  });
}
