import type { Block } from "@/lib/content";
import type { Correction } from "@/lib/errata/apply-corrections";

/** Builds canonical text and blocks the way lib/content does: blocks joined by "\n". */
export function essay(...parts: [Block["type"], string, number?][]): { text: string; blocks: Block[] } {
  let text = "";
  const blocks: Block[] = [];
  parts.forEach(([type, words, level], i) => {
    if (i > 0) text += "\n";
    blocks.push({ type, ...(level ? { level } : {}), start: text.length, end: text.length + words.length });
    text += words;
  });
  return { text, blocks };
}

/** A correction of the `nth` (default first) occurrence of `words` in `text`. */
export function fix(text: string, words: string, replacement: string, number: number, nth = 1): Correction {
  let start = -1;
  for (let i = 0; i < nth; i++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { id: `c${number}`, number, start, end: start + words.length, replacement };
}

/** An insertion of `words` at `at`. */
export function insert(at: number, words: string, number: number): Correction {
  return { id: `c${number}`, number, start: at, end: at, replacement: words };
}

/** The prose of the seed essay's wrong-date bullet, with a heading and a second bullet. */
export const secretSpeech = essay(
  ["heading", "The Origins", 3],
  ["listItem", "In 1995 the central committee set up a commission."],
  ["listItem", "The Twentieth Part Congress met in February of 1956."],
);
