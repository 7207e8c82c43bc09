import type { QuoteDTO } from "@/lib/annotations/types";
import { truncateText } from "@/lib/format/truncate-text";

/** Props for PassageInContext. */
export interface PassageInContextProps {
  quote: QuoteDTO;
}

/** Context either side of the passage: enough to recognise the sentence, short enough to scan a list. */
const CONTEXT_CHARS = 28;
const PASSAGE_CHARS = 160;

function tail(text: string): string {
  const flat = text.replace(/\s+/gu, " ");
  if (flat.length <= CONTEXT_CHARS) return flat;
  const cut = flat.slice(flat.length - CONTEXT_CHARS);
  return `…${cut.slice(Math.max(0, cut.indexOf(" ")))}`;
}

function head(text: string): string {
  const flat = text.replace(/\s+/gu, " ");
  if (flat.length <= CONTEXT_CHARS) return flat;
  const cut = flat.slice(0, CONTEXT_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/**
 * The quoted passage with a little of the sentence around it, the passage
 * itself marked. The mark is bold as well as tinted, so it does not rely on
 * colour, and screen readers hear it as one sentence with the words quoted.
 */
export function PassageInContext({ quote }: PassageInContextProps) {
  return (
    <blockquote className="review-passage">
      <p>
        <span className="review-passage-context">{tail(quote.prefix)}</span>
        <span className="visually-hidden">“</span>
        <mark className="review-passage-mark">{truncateText(quote.exact, PASSAGE_CHARS)}</mark>
        <span className="visually-hidden">”</span>
        <span className="review-passage-context">{head(quote.suffix)}</span>
      </p>
    </blockquote>
  );
}
