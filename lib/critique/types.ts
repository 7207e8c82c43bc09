import type { Block } from "../content/types";
import type { FlagCategory } from "./categories";

/** The detectors behind hints; each lives in its own file under `hints/`. */
export const HINT_KINDS = [
  "anachronistic-year",
  "term-drift",
  "confusable-word",
  "broken-phrase",
  "page-artifact",
] as const;

/** One of {@link HINT_KINDS}. */
export type HintKind = (typeof HINT_KINDS)[number];

/**
 * A suspected error in the essay text. `start`/`end` are UTF-16 offsets into
 * the canonical text, `exact` is `text.slice(start, end)`.
 */
export interface Hint {
  start: number;
  end: number;
  exact: string;
  kind: HintKind;
  category: FlagCategory;
  /** One sentence for a person: what looks wrong and why. */
  message: string;
  /** Replacement text; "" means delete; absent means no confident fix. */
  suggestion?: string;
  /** 0..1: how sure the detector is. Not a probability, a ranking aid. */
  confidence: number;
}

/** The parts of a ParsedEssay the hint finder reads. */
export interface CritiqueInput {
  text: string;
  blocks: readonly Block[];
  /** The essay title (front matter); its words count as key terms. */
  title?: string;
}

/** One block's text, cut out of the canonical text. */
export interface Segment {
  type: Block["type"];
  /** Offset of `text[0]` in the canonical text. */
  start: number;
  end: number;
  text: string;
}

/** What every detector receives: the input plus the blocks as segments. */
export interface HintContext {
  text: string;
  title: string;
  segments: readonly Segment[];
}

/** A detector: reads the context, returns its hints in any order. */
export type HintDetector = (context: HintContext) => Hint[];
