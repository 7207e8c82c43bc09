/*
 * Offsets: two units, on purpose.
 *
 * - TextPositionSelector.start/end count Unicode CODE POINTS, as the W3C Web
 *   Annotation Data Model says (clarified in w3c/web-annotation#206). That is
 *   what we store and export, so other W3C tools read our positions correctly.
 * - Everything in memory (Span, Anchored.start/end, describe()'s arguments)
 *   counts UTF-16 CODE UNITS, because that is what String#slice and DOM Range
 *   offsets use. Anchored also carries startCp/endCp for writing selectors.
 *
 * The two differ only after an astral character (emoji, some CJK). Convert with
 * the helpers in ./offsets, or with an OffsetIndex when anchoring many
 * annotations on one text.
 */

/** W3C TextQuoteSelector: the quoted words plus a little context either side. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** W3C TextPositionSelector. start/end are Unicode code points, not UTF-16. */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** The selectors this module reads; callers filter out other kinds first. */
export type TextSelector = TextQuoteSelector | TextPositionSelector;

/** A half-open range of UTF-16 code units: text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
}

/** How anchor() found the passage, from most to least trustworthy. */
export type AnchorMethod = "position" | "quote" | "fuzzy";

/** Where an annotation sits in a text, in both units. */
export interface Anchored {
  /** UTF-16 code units. */
  start: number;
  end: number;
  /** Unicode code points, for TextPositionSelector. */
  startCp: number;
  endCp: number;
  /** The text actually covered: equals the quote unless method is "fuzzy". */
  exact: string;
  method: AnchorMethod;
  /** 1 for position and quote; the match score (0..1) for fuzzy. */
  score: number;
}

/** The pair of selectors describe() produces for a span. */
export interface DescribedSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}
