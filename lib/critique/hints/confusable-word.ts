import { makeHint, matchCase, quoted, tokenize } from "../text-tools";
import type { Hint, HintContext } from "../types";
import { CONFUSABLE_PAIRS } from "./confusable-rules";
import type { ConfusablePair } from "./confusable-rules";
import { HISTORY_CONFUSABLE_PAIRS } from "./confusable-rules-history";
import { GRAMMAR_CONFUSABLE_PAIRS } from "./confusable-rules-grammar";
import { EVERYDAY_CONFUSABLE_PAIRS } from "./confusable-rules-everyday";
import { MORE_CONFUSABLE_PAIRS } from "./confusable-rules-more";

/**
 * Every rule's context is written so that the other word is near-certain, so
 * confidence is high; it is below 1 because odd sentences still exist.
 */
const CONFUSABLE_CONFIDENCE = 0.85;
/** Characters of context either side of the word shown in the evidence. */
const CONTEXT_CHARS = 30;

interface CompiledPair {
  pair: ConfusablePair;
  rules: ReadonlyArray<{ regex: RegExp; to: string }>;
}

// Compiled once: `d` gives the offsets of the `w` group, `i` ignores case unless a rule needs capitals.
const COMPILED: readonly CompiledPair[] = [...CONFUSABLE_PAIRS, ...MORE_CONFUSABLE_PAIRS, ...HISTORY_CONFUSABLE_PAIRS, ...GRAMMAR_CONFUSABLE_PAIRS, ...EVERYDAY_CONFUSABLE_PAIRS].map((pair) => ({
  pair,
  rules: pair.rules.map((rule) => ({ regex: new RegExp(rule.pattern, rule.isCaseSensitive ? "dgu" : "dgiu"), to: rule.to })),
}));
/** Each written word to the pairs (indices into COMPILED) whose rules can capture it, so a block wakes only its pairs. */
const PAIRS_BY_WORD = new Map<string, number[]>();
COMPILED.forEach(({ pair }, index) => {
  for (const word of pair.words) PAIRS_BY_WORD.set(word, [...(PAIRS_BY_WORD.get(word) ?? []), index]);
});

/**
 * Hints at a commonly confused word (course/coarse, lose/loose,
 * principal/principle, affect/effect, than/then, its/it’s, their/there,
 * lead/led, past/passed, accept/except, whether/weather, quite/quiet,
 * role/roll, peace/piece, whose/who’s, …) where the surrounding words show
 * the other one was meant: "change the coarse of" → "course". Each word is
 * hinted at most once, by the first rule (in list order) that matches it. A
 * pair's rules run only on blocks that contain one of its words.
 */
export function findConfusableWords(context: HintContext): Hint[] {
  const hints = new Map<number, Hint>();
  for (const segment of context.segments) {
    // The pairs whose words the block contains, in list order: one look-up per word, not one per pair and word.
    const woken = new Set<number>();
    for (const w of tokenize(segment)) {
      for (const index of PAIRS_BY_WORD.get(w.norm) ?? []) woken.add(index);
      // The tokens drop a possessive "'s"; "it's" and "who's" are words of their own here.
      const next = context.text[w.end];
      if ((next === "'" || next === "’") && context.text[w.end + 1]?.toLowerCase() === "s") for (const index of PAIRS_BY_WORD.get(`${w.norm}'s`) ?? []) woken.add(index);
    }
    for (const index of [...woken].sort((a, b) => a - b)) {
      const { pair, rules } = COMPILED[index];
      for (const rule of rules) {
        for (const m of segment.text.matchAll(rule.regex)) {
          const span = m.indices?.groups?.w;
          const word = m.groups?.w;
          if (!span || !word) continue;
          const start = segment.start + span[0];
          if (hints.has(start)) continue;
          const end = segment.start + span[1];
          const suggestion = matchCase(word, withSuffix(word, rule.to));
          const around = context.text.slice(Math.max(segment.start, start - CONTEXT_CHARS), Math.min(segment.end, end + CONTEXT_CHARS));
          hints.set(
            start,
            makeHint(context.text, {
              start,
              end,
              kind: "confusable-word",
              category: "term_spelling",
              message: `“${word}” looks like a slip for “${suggestion}”: ${pair.note}.`,
              suggestion,
              confidence: CONFUSABLE_CONFIDENCE,
              evidence: [
                {
                  source: "rule",
                  note: `The words around it, ${quoted(around, 80)}, fit “${suggestion}” and not “${word}”.`,
                  span: { start: segment.start + (m.index ?? 0), end: segment.start + (m.index ?? 0) + m[0].length },
                },
              ],
            }),
          );
        }
      }
    }
  }
  return [...hints.values()];
}

/** Carries an inflection over: "compliments" → "complements", "tenants" → "tenets", "waved" → "waived". */
function withSuffix(word: string, to: string): string {
  const suffix = /(?:s|ed|ing)$/i.exec(word)?.[0].toLowerCase();
  if (!suffix || to.toLowerCase().endsWith(suffix) || /['’]s$/i.test(word)) return to;
  // A silent e takes "d" and gives way to "ing": "waved" → "waived", "waving" → "waiving".
  if (/e$/i.test(to) && suffix !== "s") return suffix === "ed" ? `${to}d` : `${to.slice(0, -1)}ing`;
  return to + suffix;
}
