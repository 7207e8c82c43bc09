import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEssay } from "../../../lib/content/parse";
import type { Block, BlockType } from "../../../lib/content/types";
import { findHints } from "../../../lib/critique/find-hints";
import { loadEnglishLexicon } from "../../../lib/lexicon/load-english-lexicon";
import type { CritiqueInput, Hint, HintKind } from "../../../lib/critique/types";

/** An essay file from the repository (or this folder's fixtures) as critique input. */
export function essayInput(file: string): CritiqueInput {
  const essay = parseEssay(path.basename(file), readFileSync(file, "utf8"));
  return { text: essay.text, blocks: essay.blocks, title: essay.meta.title, glossary: essay.meta.glossary ?? null };
}

export const SEED_FILE = path.resolve(__dirname, "../../../content/destalinization-origins.md");
export const FIXTURE_DIR = path.resolve(__dirname, "fixtures");

/**
 * Builds canonical text and blocks the way lib/content does (blocks joined by
 * "\n"): each entry is a paragraph, or [type, text] for another block type.
 */
export function blocksInput(entries: ReadonlyArray<string | readonly [BlockType, string]>, title?: string): CritiqueInput {
  let text = "";
  const blocks: Block[] = entries.map((entry, i) => {
    const [type, words] = typeof entry === "string" ? (["paragraph", entry] as const) : entry;
    if (i > 0) text += "\n";
    const start = text.length;
    text += words;
    return type === "heading" ? { type, level: 2, start, end: text.length } : { type, start, end: text.length };
  });
  return { text, blocks, title };
}

/** The English word list, loaded once per test file as the worker loads it once per process. */
export const lexicon = loadEnglishLexicon();

/** Hints of one kind only, so a kind's tests do not depend on the others; with the word list, as the app runs them. */
export function hintsOf(kind: HintKind, input: CritiqueInput): Hint[] {
  return findHints(input, { kinds: [kind], lexicon });
}

/** Every hint, with the word list, as the app computes them. */
export function allHints(input: CritiqueInput): Hint[] {
  return findHints(input, { lexicon });
}

/** Every [start, end) at which `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    out.push({ start: at, end: at + needle.length });
  }
  return out;
}

/** The hints sharing at least one character with the span. */
export function hintsTouching(hints: readonly Hint[], span: { start: number; end: number }): Hint[] {
  return hints.filter((h) => h.start < span.end && span.start < h.end);
}

/** Hint texts, for readable failure messages. */
export function summarize(hints: readonly Hint[]): string[] {
  return hints.map((h) => `${h.kind}: “${h.exact}” → ${JSON.stringify(h.suggestion)}`);
}
