import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ContentError, type Block, type ParsedEssay } from "@/lib/content";
import type { Glossary } from "@/lib/validation/glossary";

/*
 * One worker thread for the work that grows with a reading's size (parsing,
 * hints), started on first use. One is enough: the machine's other core
 * serves requests, and each revision's hints are computed once. Jobs queue
 * inside the worker in the order they were posted.
 */
type Reply = { id: number; result?: unknown; error?: string; contentError?: { file: string; reason: string } };
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
  worker = null;
}

/**
 * The worker's code. A production build runs the bundle scripts/build-workers.mjs
 * writes beside Next's output: Next's bundler copies a worker's .ts source as a
 * raw asset that Node cannot run, and rewrites `import.meta.url` to the source
 * path, so neither can tell where the worker is. Anywhere else (tests, scripts,
 * `next dev`) tsx compiles the source. Paths start at the project directory,
 * where every entry point runs; the ignore comments keep Next's bundler from
 * resolving them at build time.
 */
function workerEntry(): Worker {
  const root = /* turbopackIgnore: true */ process.cwd();
  if (process.env.NEXT_RUNTIME && process.env.NODE_ENV === "production") {
    // Joined at run time: Next's bundler resolves a path it can compute, and fails the build on it.
    const bundle = [root, ".next", "workers", "reading-worker.cjs"].join(path.sep);
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: build with \`npm run build\` (next build, then the worker bundles).`);
    return new Worker(bundle);
  }
  const source = path.join(root, "lib/server/hints/reading-worker.ts");
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(source)});`, { eval: true });
}

function startWorker(): Worker {
  const started = workerEntry();
  started.on("message", (reply: Reply) => {
    const job = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.contentError) job?.reject(new ContentError(reply.contentError.file, reply.contentError.reason));
    else if (reply.error !== undefined) job?.reject(new Error(reply.error));
    else job?.resolve(reply.result);
  });
  started.on("error", (error) => failAll(error));
  started.on("exit", (code) => {
    if (worker === started) failAll(new Error(`reading worker exited with code ${code}`));
  });
  // Idle, the worker must not keep the process (a test run, a script) alive.
  started.unref();
  return started;
}

function post<T>(job: Record<string, unknown>): Promise<T> {
  worker ??= startWorker();
  const id = nextId++;
  const current = worker;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    current.postMessage({ ...job, id });
  });
}

/** Computes the hints of one text in the worker thread, as the JSON of a HintDTO[]; the request thread stays free meanwhile. */
export function computeHintsOffThread(text: string, blocks: Block[], title: string, glossary: Glossary | null): Promise<string> {
  return post({ kind: "hints", text, blocks, title, glossary });
}

/** parseEssay in the worker thread: the same result, or the same ContentError. */
export function parseEssayOffThread(fileName: string, source: string, format: "md" | "txt"): Promise<ParsedEssay> {
  return post({ kind: "parse", fileName, source, format });
}
