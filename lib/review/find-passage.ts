import type { Span } from "@/lib/anchoring";

/** Longest passage a teacher may type or paste for a key entry. */
export const MAX_PASSAGE_CHARS = 2000;

/** The outcome of looking for typed words in the essay. */
export type PassageResult =
  | { ok: true; span: Span; count: number }
  | { ok: false; reason: string; count: number };

const SYNTAX = /[.*+?^${}()|[\]\\]/g;

/**
 * Every place the words stand in the text, in order. Runs of whitespace in
 * the words match any run of whitespace in the text, because words copied
 * from the reader come back with the browser's line breaks and spaces, not
 * the canonical text's; the words themselves must match exactly (case too).
 * Places do not overlap.
 */
export function findPassages(text: string, words: string): Span[] {
  const parts = words.trim().split(/\s+/u).filter(Boolean);
  if (parts.length === 0) return [];
  const pattern = new RegExp(parts.map((p) => p.replace(SYNTAX, "\\$&")).join("\\s+"), "gu");
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The `occurrence`-th (1-based) place of the words in the text, with a
 * sentence for the teacher when there is no such place.
 */
export function findPassage(text: string, words: string, occurrence = 1): PassageResult {
  if (words.trim() === "") return { ok: false, reason: "Type or paste the words of the passage.", count: 0 };
  const places = findPassages(text, words);
  const count = places.length;
  if (count === 0) {
    return { ok: false, reason: "Those words are not in the essay. Copy them from the reader exactly.", count };
  }
  const place = places[occurrence - 1];
  if (!place) {
    const times = count === 1 ? "once" : `${count} times`;
    return { ok: false, reason: `Those words appear only ${times}; choose an occurrence from 1 to ${count}.`, count };
  }
  return { ok: true, span: place, count };
}
