import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-static";

/**
 * pdf.js's worker, served from our own origin (the page's CSP allows no other),
 * straight from the installed pdfjs-dist, so it always matches the library the
 * reader bundles. The reader runs pdf.js with isEvalSupported: false.
 */
export async function GET() {
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "pdfjs-dist", "build", "pdf.worker.min.mjs");
  return new Response(await readFile(file), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
