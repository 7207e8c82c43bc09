// Bundles the worker-thread entries to plain CommonJS in .next/workers, after `next build`.
// Next's bundler copies a `new Worker(new URL("./x.ts", import.meta.url))` target as a raw .ts
// asset that Node cannot run, so the workers are built here with esbuild (the bundler tsx already
// ships) and loaded from this fixed place in production (lib/server/workers/worker-file.ts).
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Worker entries: source file → bundle name under .next/workers. */
export const WORKERS = {
  "reading-worker": "lib/server/hints/reading-worker.ts",
  // PDF text, scanned pages drawn for OCR, OCR (run by piscina from lib/server/sources/source-pool.ts).
  "source-worker": "lib/server/sources/source-worker.ts",
};

await build({
  entryPoints: Object.fromEntries(Object.entries(WORKERS).map(([name, file]) => [name, path.join(ROOT, file)])),
  outdir: path.join(ROOT, ".next/workers"),
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // Libraries stay in node_modules (their data files are read from there at run time).
  packages: "external",
  tsconfig: path.join(ROOT, "tsconfig.json"),
  logLevel: "warning",
});
