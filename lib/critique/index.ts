/** Public API of the critique module: flag categories, hint finding and answer-key scoring. Pure and deterministic. */
export { FLAG_CATEGORIES, FLAG_CATEGORY_LABELS, flagCategoryLabel, isFlagCategory } from "./categories";
export type { FlagCategory } from "./categories";
export { HINT_KINDS } from "./types";
export type { CritiqueInput, EvidenceSource, Hint, HintEvidence, HintKind } from "./types";
export type { Lexicon } from "./lexicon";
export { findHints, HINT_DETECTORS, buildContext } from "./find-hints";
export type { FindHintsOptions } from "./find-hints";
export {
  answerKeyEntrySchema,
  matchFlagToKey,
  spansOverlap,
  studentFlagSchema,
  summarizeStudent,
} from "./answer-key";
export type { AnswerKeyEntry, EntryResult, EntryStatus, FlagMatch, FlagOutcome, StudentFlag, StudentSummary } from "./answer-key";
