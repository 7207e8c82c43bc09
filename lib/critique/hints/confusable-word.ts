import { makeHint, matchCase } from "../text-tools";
import type { Hint, HintContext } from "../types";
import { CONFUSABLE_PAIRS } from "./confusable-rules";
import { HISTORY_CONFUSABLE_PAIRS } from "./confusable-rules-history";

/**
 * Every rule's context is written so that the other word is near-certain, so
 * confidence is high; it is below 1 because odd sentences still exist.
 */
const CONFUSABLE_CONFIDENCE = 0.85;

interface CompiledRule {
  pairId: string;
  note: string;
  regex: RegExp;
  to: string;
}

// Compiled once: `d` gives the offsets of the `w` group, `i` ignores case.
const COMPILED: readonly CompiledRule[] = [...CONFUSABLE_PAIRS, ...HISTORY_CONFUSABLE_PAIRS].flatMap((pair) =>
  pair.rules.map((rule) => ({ pairId: pair.id, note: pair.note, regex: new RegExp(rule.pattern, "dgiu"), to: rule.to })),
);

/**
 * Hints at a commonly confused word (course/coarse, lose/loose,
 * principal/principle, affect/effect, than/then, its/it’s, their/there,
 * lead/led, complement/compliment, …) where the surrounding words show the
 * other one was meant: "change the coarse of" → "course". Each word is hinted
 * at most once, by the first rule (in list order) that matches it.
 */
export function findConfusableWords(context: HintContext): Hint[] {
  const hints = new Map<number, Hint>();
  for (const segment of context.segments) {
    for (const rule of COMPILED) {
      for (const m of segment.text.matchAll(rule.regex)) {
        const span = m.indices?.groups?.w;
        const word = m.groups?.w;
        if (!span || !word) continue;
        const start = segment.start + span[0];
        if (hints.has(start)) continue;
        const suggestion = matchCase(word, withSuffix(word, rule.to));
        hints.set(
          start,
          makeHint(context.text, {
            start,
            end: segment.start + span[1],
            kind: "confusable-word",
            category: "term_spelling",
            message: `“${word}” looks like a slip for “${suggestion}”: ${rule.note}.`,
            suggestion,
            confidence: CONFUSABLE_CONFIDENCE,
          }),
        );
      }
    }
  }
  return [...hints.values()];
}

/** Carries an inflection over: "compliments" → "complements", "tenants" → "tenets". */
function withSuffix(word: string, to: string): string {
  const suffix = /(?:s|ed|ing)$/i.exec(word)?.[0].toLowerCase();
  return suffix && !to.toLowerCase().endsWith(suffix) ? to + suffix : to;
}
