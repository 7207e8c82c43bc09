import type { AnchorStatus, QuoteDTO } from "@/lib/annotations/types";
import { anchorStatusNote, QUOTE_PREVIEW_CHARS } from "@/lib/format/annotation-labels";
import { truncateText } from "@/lib/format/truncate-text";

/** Props for QuotePassage. */
export interface QuotePassageProps {
  quote: QuoteDTO;
  anchorStatus: AnchorStatus;
  currentText?: string;
  /** The annotation is a flag whose correction the source now reads. */
  isFixedInSource?: boolean;
}

/**
 * The passage an annotation is about, shortened to a preview with the full
 * text one click (or Enter) away in a native <details>, plus a note when the
 * passage moved, changed or can no longer be found.
 */
export function QuotePassage({ quote, anchorStatus, currentText, isFixedInSource = false }: QuotePassageProps) {
  const preview = truncateText(quote.exact, QUOTE_PREVIEW_CHARS);
  const isShortened = preview !== quote.exact.replace(/\s+/gu, " ").trim();
  const note = anchorStatusNote(anchorStatus, currentText, { isFixedInSource });
  return (
    <div className="annotation-passage">
      <blockquote className="annotation-quote">
        <p>“{preview}”</p>
      </blockquote>
      {isShortened ? (
        <details className="annotation-quote-full">
          <summary>Show full passage</summary>
          <p>{quote.exact}</p>
        </details>
      ) : null}
      {note ? <p className={`annotation-anchor-note is-${isFixedInSource ? "fixed" : anchorStatus}`}>{note}</p> : null}
    </div>
  );
}
