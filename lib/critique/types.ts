import type { Block } from "../content/types";
import type { Glossary } from "../validation/glossary";
import type { FlagCategory } from "./categories";
import type { Lexicon } from "./lexicon";

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
  /** What supports the hint, at least one item: a person should see why, not only what. */
  evidence: HintEvidence[];
}

/** Where the support for a hint comes from. */
export type EvidenceSource = "text" | "title" | "glossary" | "word-list" | "rule";

/**
 * One piece of support for a hint: the other spelling and where it stands,
 * the cluster of years, the glossary entry, the word list, or the rule.
 */
export interface HintEvidence {
  source: EvidenceSource;
  /** One sentence for a person. */
  note: string;
  /** The supporting passage in the canonical text (UTF-16 offsets), when it is in the text. */
  span?: { start: number; end: number };
}

/** The parts of a ParsedEssay the hint finder reads. */
export interface CritiqueInput {
  text: string;
  blocks: readonly Block[];
  /** The essay title (front matter); its words count as key terms. */
  title?: string;
  /** The teacher's glossary for the reading, if there is one: never required. */
  glossary?: Glossary | null;
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
  /** An empty glossary when the reading has none. */
  glossary: Glossary;
  /** The word list, when the caller loaded one (see lexicon.ts); detectors fall back to capitals without it. */
  lexicon?: Lexicon;
}

/** A detector: reads the context, returns its hints in any order. */
export type HintDetector = (context: HintContext) => Hint[];
