import { EMPTY_GLOSSARY } from "../validation/glossary";
import { findAnachronisticYears } from "./hints/anachronistic-year";
import { findBrokenPhrases } from "./hints/broken-phrase";
import { findConfusableWords } from "./hints/confusable-word";
import { findPageArtifacts } from "./hints/page-artifact";
import { findTermDrift } from "./hints/term-drift";
import type { Lexicon } from "./lexicon";
import { HINT_KINDS } from "./types";
import type { CritiqueInput, Hint, HintContext, HintDetector, HintKind, Segment } from "./types";

/** Every detector, by kind. Order here is the tie-break order in the output. */
export const HINT_DETECTORS: Readonly<Record<HintKind, HintDetector>> = {
  "anachronistic-year": findAnachronisticYears,
  "term-drift": findTermDrift,
  "confusable-word": findConfusableWords,
  "broken-phrase": findBrokenPhrases,
  "page-artifact": findPageArtifacts,
};

/** Options for {@link findHints}. */
export interface FindHintsOptions {
  /** Run only these kinds (default: all). */
  kinds?: readonly HintKind[];
  /**
   * The English word list (lib/lexicon's loadEnglishLexicon). Term drift
   * uses it to leave real words alone; without it only names are compared.
   */
  lexicon?: Lexicon;
}

/**
 * Finds suspected errors in an essay's canonical text: far-off years, drifted
 * spellings of key terms, confused words, broken set phrases and page
 * artifacts. Pure and deterministic: the same input always gives the same
 * hints, sorted by start (then end, then kind). Each detector reads one block
 * at a time, so no hint crosses a block boundary. Where two kinds hint at the
 * very same span, only the more confident hint is kept; a hint inside another
 * hint's span is dropped, because the wider one already names the fix
 * ("French Revoltion" as a broken phrase, not "Revoltion" alone).
 */
export function findHints(input: CritiqueInput, options: FindHintsOptions = {}): Hint[] {
  const context = buildContext(input, options.lexicon);
  const kinds = options.kinds ?? HINT_KINDS;
  const bySpan = new Map<string, Hint>();
  for (const kind of HINT_KINDS) {
    if (!kinds.includes(kind)) continue;
    for (const hint of HINT_DETECTORS[kind](context)) {
      const key = `${hint.start}:${hint.end}`;
      const held = bySpan.get(key);
      if (!held || hint.confidence > held.confidence) bySpan.set(key, hint);
    }
  }
  const order = (kind: HintKind) => HINT_KINDS.indexOf(kind);
  const sorted = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end || order(a.kind) - order(b.kind));
  const kept: Hint[] = [];
  let reach = -1;
  for (const hint of sorted) {
    // Sorted by start, widest first: a hint ending within the furthest reach so far lies inside an earlier one.
    if (hint.end <= reach) continue;
    kept.push(hint);
    reach = hint.end;
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end || order(a.kind) - order(b.kind));
}

/**
 * The detectors' view of the input: non-empty blocks as segments. Without
 * blocks the whole text is one paragraph; blocks that fall outside the text
 * are clipped to it, so a stale block list cannot produce offsets past the end.
 */
export function buildContext(input: CritiqueInput, lexicon?: Lexicon): HintContext {
  const { text } = input;
  const blocks = input.blocks.length > 0 ? input.blocks : [{ type: "paragraph" as const, start: 0, end: text.length }];
  const segments: Segment[] = [];
  for (const block of [...blocks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(0, Math.min(block.start, text.length));
    const end = Math.max(start, Math.min(block.end, text.length));
    if (end > start) segments.push({ type: block.type, start, end, text: text.slice(start, end) });
  }
  return { text, title: input.title ?? "", segments, glossary: input.glossary ?? EMPTY_GLOSSARY, ...(lexicon ? { lexicon } : {}) };
}
