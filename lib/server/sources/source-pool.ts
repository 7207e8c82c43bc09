import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import Piscina from "piscina";
import type * as SourceWorker from "./source-worker";

/*
 * The worker threads that read PDFs, draw scanned pages and run OCR
 * (source-worker.ts), through piscina. One thread by default: on a machine of
 * two cores the other one serves requests, and jobs wait in the PostgreSQL
 * queue, not here. A thread idle for a minute ends (OCR's language data is
 * about 30 MB in memory while it lives).
 */
let pool: Piscina | null = null;

/** Where the worker's code is: the esbuild bundle in a production build (scripts/build-workers.mjs), tsx elsewhere. */
function workerFile(): string {
  const root = /* turbopackIgnore: true */ process.cwd();
  if (process.env.NEXT_RUNTIME && process.env.NODE_ENV === "production") {
    const bundle = [root, ".next", "workers", "source-worker.cjs"].join(path.sep);
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: build with \`npm run build\` (next build, then the worker bundles).`);
    return bundle;
  }
  return [root, "lib", "server", "sources", "source-worker.dev.cjs"].join(path.sep);
}

function getPool(): Piscina {
  pool ??= new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: Math.max(1, Number(process.env.SOURCE_WORKER_THREADS ?? 1)),
    idleTimeout: 60_000,
  });
  return pool;
}

type Tasks = typeof SourceWorker;
type TaskName = "readPdf" | "drawPdfPage" | "readImage" | "recognize";

/**
 * Runs one task of source-worker.ts in a worker thread. `onMessage` hears the
 * progress the task reports; `signal` ends the task (piscina stops its thread).
 */
export async function runSourceTask<N extends TaskName>(
  name: N,
  input: Omit<Parameters<Tasks[N]>[0], "port">,
  options: { signal?: AbortSignal; onMessage?: (message: Record<string, unknown>) => void } = {},
): Promise<Awaited<ReturnType<Tasks[N]>>> {
  const channel = options.onMessage ? new MessageChannel() : null;
  channel?.port2.on("message", (message) => options.onMessage?.(message as Record<string, unknown>));
  try {
    return await getPool().run(channel ? { ...input, port: channel.port1 } : input, {
      name,
      signal: options.signal,
      transferList: channel ? [channel.port1] : [],
    });
  } finally {
    channel?.port2.close();
  }
}

/** Ends the worker threads (tests, shutdown). */
export async function closeSourcePool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.destroy();
}
