import type { Glossary } from "../validation/glossary";

/** What an essay's front matter says about where the text came from (and, optionally, the teacher's glossary). */
export interface EssayMeta {
  title: string;
  author: string;
  source: string;
  sourceUrl?: string;
  /** ISO date (YYYY-MM-DD) on which the text was captured. */
  retrieved: string;
  /** One line on provenance: what was kept, what was changed. */
  notes: string;
  /** `glossary:` in the front matter: the period, key terms and people the hints check against. */
  glossary?: Glossary;
}

export type BlockType = "heading" | "paragraph" | "listItem" | "quote";

/**
 * One block of the essay. `start`/`end` are UTF-16 offsets into the canonical
 * text, so `text.slice(start, end)` is exactly the block's words.
 */
export interface Block {
  type: BlockType;
  /** Heading level 1–6; absent for other blocks. */
  level?: number;
  /** For a reading made from a PDF or scan: the page (0-based) the block stands on (lib/sources). */
  page?: number;
  start: number;
  end: number;
}

/** An essay file turned into the text that every annotation offset counts in. */
export interface ParsedEssay {
  slug: string;
  meta: EssayMeta;
  /** Blocks joined by a single "\n"; no Markdown syntax remains. */
  text: string;
  blocks: Block[];
  /** sha256 of text + block structure: equal hashes mean the same revision. */
  contentHash: string;
}
