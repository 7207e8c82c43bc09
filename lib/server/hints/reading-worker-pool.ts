import "server-only";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ContentError, type Block, type ParsedEssay } from "@/lib/content";

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

function startWorker(): Worker {
  // Under Next the worker is bundled to JavaScript; run from source (tests, scripts), tsx compiles it.
  const started = import.meta.url.endsWith(".ts")
    ? new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(fileURLToPath(new URL("reading-worker.ts", import.meta.url)))});`, { eval: true })
    : new Worker(new URL("./reading-worker.ts", import.meta.url));
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
export function computeHintsOffThread(text: string, blocks: Block[], title: string): Promise<string> {
  return post({ kind: "hints", text, blocks, title });
}

/** parseEssay in the worker thread: the same result, or the same ContentError. */
export function parseEssayOffThread(fileName: string, source: string, format: "md" | "txt"): Promise<ParsedEssay> {
  return post({ kind: "parse", fileName, source, format });
}
