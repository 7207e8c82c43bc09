export { anchor, createAnchored } from "./anchor";
export type { AnchorOptions } from "./anchor";
export { CONTEXT_LENGTH, describe } from "./describe";
export type { DescribeOptions } from "./describe";
export { diffTexts } from "./diff-texts";
export {
  MIN_FUZZY_QUOTE_LENGTH,
  MIN_FUZZY_SCORE,
  MIN_QUOTE_SIMILARITY,
  findAllExact,
  findOccurrences,
  matchQuote,
} from "./match-quote";
export type { MatchQuoteOptions, QuoteMatch } from "./match-quote";
export { findHunksWithin, listChangedRegions, mapOffset, mapSpan, measureCarriedShare } from "./offset-map";
export type { Hunk, MappedSpan, OffsetMap } from "./offset-map";
export {
  codePointToUtf16,
  createTextIndex,
  indexToCodePoint,
  indexToUtf16,
  utf16ToCodePoint,
} from "./offsets";
export type { OffsetIndex } from "./offsets";
export { reanchorAll } from "./reanchor";
export type { ReanchorItem, ReanchorResult } from "./reanchor";
export { scoreCandidate, scoreMatch } from "./score";
export type { MatchContext, ScoreParts } from "./score";
export type {
  AnchorMethod,
  Anchored,
  DescribedSelectors,
  Span,
  TextPositionSelector,
  TextQuoteSelector,
  TextSelector,
} from "./types";
export { verifySelectors } from "./verify-selectors";
export type { SubmittedSelectors } from "./verify-selectors";
