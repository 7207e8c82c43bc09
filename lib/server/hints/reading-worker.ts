/*
 * Worker-thread entry for the pure work that grows with a reading's size:
 * parsing a reading and computing its hints (lib/content and lib/critique
 * are pure, so they run here unchanged). The request thread only posts the
 * text and waits, so a 1 MB reading cannot freeze the other requests.
 * Deliberately without `import "server-only"`: this file is loaded only by
 * `new Worker(…)` in reading-worker-pool.ts, where that guard's react-server condition
 * does not apply and would throw.
 */
import { parentPort } from "node:worker_threads";
import { ContentError } from "../../content/errors";
import { parseEssay } from "../../content/parse";
import type { Block } from "../../content/types";
import { describeHints } from "../../critique/describe-hints";
import { findHints } from "../../critique/find-hints";
import { loadEnglishLexicon } from "../../lexicon/load-english-lexicon";
import type { Glossary } from "../../validation/glossary";

// Loaded when the worker starts, once for its whole life (about a second): never per request. The short reading
// after it builds the index of the word list's names (name-phrase-slips.ts) now rather than on the first request.
const lexicon = loadEnglishLexicon();
findHints({ text: "Warm Up", blocks: [], title: "", glossary: null }, { lexicon, kinds: ["broken-phrase"] });

/** The jobs the worker does, each answered as { id, result } or { id, error } (or { id, contentError }). */
export type WorkerJob =
  | { id: number; kind: "hints"; text: string; blocks: Block[]; title: string; glossary: Glossary | null }
  | { id: number; kind: "parse"; fileName: string; source: string; format: "md" | "txt" };

function run(job: WorkerJob): unknown {
  // As JSON text: one string crosses threads in a copy, where thousands of objects would be cloned one by one.
  if (job.kind === "hints") return JSON.stringify(describeHints(job.text, job.blocks, job.title, { glossary: job.glossary, lexicon }));
  return parseEssay(job.fileName, job.source, { format: job.format });
}

parentPort?.on("message", (job: WorkerJob) => {
  try {
    parentPort?.postMessage({ id: job.id, result: run(job) });
  } catch (error) {
    if (error instanceof ContentError) parentPort?.postMessage({ id: job.id, contentError: { file: error.file, reason: error.reason } });
    else parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
