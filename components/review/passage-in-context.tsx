import type { QuoteDTO } from "@/lib/annotations/types";
import { passageContext } from "@/lib/review/passage-context";

/** Props for PassageInContext. */
export interface PassageInContextProps {
  quote: QuoteDTO;
  /** Where the passage stands in the current text, and that text: context then comes from the text as it reads now. */
  placed?: { text: string; span: { start: number; end: number } | null };
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** "the second of 3 places these words stand" (ordinal words up to ten, then digits). */
function occurrenceWords({ index, count }: { index: number; count: number }): string {
  return `the ${ORDINALS[index - 1] ?? `${index}th`} of ${count} places these words stand in the text`;
}

/**
 * The passage with a few words of its sentence either side
 * (lib/review/passage-context.ts), the passage itself marked, and, when the
 * same words stand in the text more than once, which place this is. The mark
 * is bold and underlined as well as tinted, so it does not rely on colour,
 * and screen readers hear it as one sentence with the words quoted.
 */
export function PassageInContext({ quote, placed }: PassageInContextProps) {
  const context = passageContext({ quote, span: placed?.span ?? null }, placed?.text ?? null);
  return (
    <blockquote className="review-passage">
      <p>
        <span className="review-passage-context">
          {context.isCutBefore ? "…" : ""}
          {context.before}
        </span>
        <span className="visually-hidden">“</span>
        <mark className="review-passage-mark">{context.exact}</mark>
        <span className="visually-hidden">”</span>
        <span className="review-passage-context">
          {context.after}
          {context.isCutAfter ? "…" : ""}
        </span>
      </p>
      {context.occurrence ? <p className="review-passage-where">{occurrenceWords(context.occurrence)}</p> : null}
    </blockquote>
  );
}
