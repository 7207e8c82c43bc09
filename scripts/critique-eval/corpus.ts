/**
 * The evaluation corpus of the critique hints (tests/fixtures/critique-eval):
 * its manifest, its essays read through the same content parser the app uses,
 * and the keys of planted errors resolved to spans of the canonical text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseEssay } from "../../lib/content/parse";
import type { CritiqueInput } from "../../lib/critique/types";
import { HINT_KINDS } from "../../lib/critique/types";
import type { Span } from "./match";

export const CORPUS_DIR = path.resolve(__dirname, "../../tests/fixtures/critique-eval");

const part = z.enum(["tuning", "held-out"]);
/** "tuning" may guide detector changes; "held-out" only measures them. */
export type CorpusPart = z.infer<typeof part>;
/** Both parts, in the order reports show them. */
export const CORPUS_PARTS: readonly CorpusPart[] = part.options;

const occurrence = z.number().int().positive().default(1);

/** One key file: the planted errors of an essay and the traps that must stay unhinted. */
export const essayKeySchema = z.object({
  /** The essay, relative to the key file. */
  essay: z.string().min(1),
  errors: z.array(
    z.object({
      quote: z.string().min(1),
      occurrence,
      kind: z.enum(HINT_KINDS),
      correction: z.string(),
      /** A longer exact text around this occurrence, for readers of the key; checked like the quote. */
      context: z.string().min(1).optional(),
      note: z.string().optional(),
    }),
  ),
  traps: z.array(z.object({ quote: z.string().min(1), occurrence, why: z.string().min(1) })),
});
export type EssayKey = z.infer<typeof essayKeySchema>;

/**
 * The round whose files form the held-out part of this corpus. Earlier
 * held-out files were measured and looked at, so they were retired to tuning
 * ("retired" in the manifest). A round-3 file can never be tuning, so
 * `--tuning-only` cannot open one; a held-out entry is never added or retired.
 */
export const HELD_OUT_ROUND = 3;

const entryFields = {
  file: z.string().min(1),
  part,
  /** Tuning material written after the detectors were first changed (in added/): tuning only, outside the split. */
  added: z.boolean().optional(),
  /** The round that wrote the file (only round three's files say so: they are the held-out part). */
  round: z.number().int().positive().optional(),
  /** Why a file once held out is now tuning material. */
  retired: z.string().min(1).optional(),
};

/** True when an entry is in the part its round and flags allow. */
function isInItsPart(entry: { part: CorpusPart; added?: boolean; round?: number; retired?: string }): boolean {
  if (entry.part === "held-out") return !entry.added && !entry.retired;
  return entry.round !== HELD_OUT_ROUND;
}
const partRule = `round ${HELD_OUT_ROUND}'s files are held out, and held-out files are never added or retired`;

const manifestSchema = z.object({
  description: z.string().optional(),
  essays: z
    .array(z.object({ ...entryFields, key: z.string().min(1) }))
    .min(1)
    .refine((list) => list.every(isInItsPart), partRule),
  clean: z.array(z.object(entryFields)).min(1).refine((list) => list.every(isInItsPart), partRule),
  seed: z.object({ file: z.string().min(1), key: z.string().min(1) }),
});

/** An essay ready to be hinted, with the file it came from. */
export interface CorpusText {
  file: string;
  input: CritiqueInput;
  words: number;
}

/** A key error located in the canonical text. */
export interface ResolvedError extends Span {
  quote: string;
  kind: EssayKey["errors"][number]["kind"];
  correction: string;
}

/** A keyed essay: its text, its errors and its traps as spans. */
export interface KeyedEssay extends CorpusText {
  errors: ResolvedError[];
  traps: Array<Span & { quote: string; why: string }>;
}

/** The corpus (or the parts of it read), split as the manifest says. */
export interface Corpus {
  /** The parts read: the essays and clean files of the others were left unopened. */
  parts: CorpusPart[];
  essays: Array<KeyedEssay & { part: CorpusPart; round?: number }>;
  clean: Array<CorpusText & { part: CorpusPart; round?: number }>;
  seed: KeyedEssay;
}

/**
 * Counts words as a reader would: runs of letters or digits, with inner
 * apostrophes and hyphens ("Hoover's", "Saint-Domingue") kept in one word.
 */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** The span of the n-th (from 1) occurrence of `quote` in `text`, or null when there are fewer. */
export function locate(text: string, quote: string, occurrence = 1): Span | null {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return null;
  }
  return { start: at, end: at + quote.length };
}

/** Reads an essay file the way the app's content sync does. */
export function readEssay(file: string): CorpusText {
  const essay = parseEssay(path.basename(file), readFileSync(file, "utf8"));
  return { file, input: { text: essay.text, blocks: essay.blocks, title: essay.meta.title, glossary: essay.meta.glossary ?? null }, words: countWords(essay.text) };
}

/**
 * Resolves a key against its essay's text. Throws, naming the key file and
 * the quote, when a quote (at its occurrence) or a context is not in the text:
 * a key that no longer fits its essay must stop the evaluation, not skew it.
 */
export function resolveKey(keyFile: string, key: EssayKey, essay: CorpusText): KeyedEssay {
  const { text } = essay.input;
  const find = (quote: string, occurrence: number): Span => {
    const span = locate(text, quote, occurrence);
    if (!span) throw new Error(`${keyFile}: “${quote}” (occurrence ${occurrence}) is not in ${path.basename(essay.file)}`);
    return span;
  };
  const errors = key.errors.map((e) => {
    const span = find(e.quote, e.occurrence);
    if (e.context !== undefined && !containsSpan(text, e.context, span)) {
      throw new Error(`${keyFile}: occurrence ${e.occurrence} of “${e.quote}” is not inside “${e.context}”`);
    }
    return { ...span, quote: e.quote, kind: e.kind, correction: e.correction };
  });
  const traps = key.traps.map((t) => ({ ...find(t.quote, t.occurrence), quote: t.quote, why: t.why }));
  return { ...essay, errors, traps };
}

/** True when some occurrence of `context` in `text` covers `span`. */
function containsSpan(text: string, context: string, span: Span): boolean {
  for (let at = text.indexOf(context); at >= 0; at = text.indexOf(context, at + 1)) {
    if (at <= span.start && span.end <= at + context.length) return true;
  }
  return false;
}

/** Reads and parses a key file. */
export function readKey(keyFile: string): EssayKey {
  return essayKeySchema.parse(JSON.parse(readFileSync(keyFile, "utf8")));
}

/** Reads a keyed essay from its key file (the essay path in the key is relative to it). */
export function readKeyedEssay(keyFile: string): KeyedEssay {
  const key = readKey(keyFile);
  return resolveKey(keyFile, key, readEssay(path.resolve(path.dirname(keyFile), key.essay)));
}

/** Which parts of the corpus to read. */
export interface LoadOptions {
  /**
   * The parts whose essays and clean prose are read (default both). With
   * ["tuning"] the held-out files are never opened, so a tuning run cannot
   * show, or even compute, anything about them. The seed is always read.
   */
  parts?: readonly CorpusPart[];
}

/** Loads the manifest, every essay, every key and the clean prose of the parts asked for. */
export function loadCorpus(dir: string = CORPUS_DIR, { parts = CORPUS_PARTS }: LoadOptions = {}): Corpus {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.resolve(dir, "manifest.json"), "utf8")));
  const keyedAs = (entry: { file: string; key: string }): KeyedEssay => {
    const keyed = readKeyedEssay(path.resolve(dir, entry.key));
    if (path.resolve(keyed.file) !== path.resolve(dir, entry.file)) throw new Error(`${entry.key} is the key of ${keyed.file}, not of ${entry.file}`);
    return keyed;
  };
  return {
    parts: [...parts],
    essays: manifest.essays.filter((e) => parts.includes(e.part)).map((e) => ({ ...keyedAs(e), part: e.part, round: e.round })),
    clean: manifest.clean.filter((c) => parts.includes(c.part)).map((c) => ({ ...readEssay(path.resolve(dir, c.file)), part: c.part, round: c.round })),
    seed: keyedAs(manifest.seed),
  };
}

/**
 * What the held-out column holds, for the report: the rounds its files come
 * from and their size (never a figure of the hints), or null when it was not read.
 */
export function describeHeldOut(corpus: Corpus): string | null {
  if (!corpus.parts.includes("held-out")) return null;
  const essays = corpus.essays.filter((e) => e.part === "held-out");
  const clean = corpus.clean.filter((c) => c.part === "held-out");
  const rounds = [...new Set([...essays, ...clean].map((t) => (t.round === undefined ? "unnumbered" : `round ${t.round}`)))].sort();
  const words = (list: readonly CorpusText[]) => list.reduce((n, t) => n + t.words, 0).toLocaleString("en");
  return `Held-out column: ${rounds.join(" and ") || "empty"} only (${essays.length} essays, ${words(essays)} words; ${clean.length} clean files, ${words(clean)} words). Earlier held-out files are retired to the tuning column.`;
}
