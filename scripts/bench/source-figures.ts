/**
 * Extraction and OCR figures for README "Readings from PDFs and scans", in the
 * worker thread the jobs use (not yet part of `npm run bench`):
 * `node --conditions=react-server --import tsx scripts/bench/source-figures.ts`.
 */
import { readFileSync } from "node:fs";
import { characterErrorRate, GETTYSBURG, makeScanPng, makeTextPdf } from "../../tests/support/source-fixtures";
import { runSourceTask, closeSourcePool } from "../../lib/server/sources/source-pool";

async function main() {
  const pages = Array.from({ length: 50 }, (_, i) => [GETTYSBURG[i % 3], GETTYSBURG[(i + 1) % 3], GETTYSBURG[(i + 2) % 3]]);
  const pdf = await makeTextPdf(pages);
  await runSourceTask("readPdf", { bytes: pdf.slice() });
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = await runSourceTask("readPdf", { bytes: pdf.slice() });
    times.push(performance.now() - t);
    if ("refused" in r) throw new Error(r.refused);
  }
  console.log("50-page extraction ms", times.map((t) => t.toFixed(0)).join(", "));
  const png = new Uint8Array(readFileSync("tests/fixtures/sources/gettysburg-scan.png"));
  const ocr: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await runSourceTask("recognize", { image: png.slice() });
    ocr.push(performance.now() - t);
  }
  console.log("OCR ms, fixture crop (first includes Tesseract start)", ocr.map((t) => t.toFixed(0)).join(", "));
  const full = await makeScanPng(await makeTextPdf([GETTYSBURG]), { degrees: 0.6, noise: 0.002, seed: 7 });
  const t = performance.now();
  const page = await runSourceTask("recognize", { image: full.png });
  const words = page.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text))).join(" ");
  console.log(`OCR full letter page ${full.width}x${full.height}: ${(performance.now() - t).toFixed(0)} ms, CER ${(characterErrorRate(words, GETTYSBURG.join(" ")) * 100).toFixed(2)} %`);
  await closeSourcePool();
}
void main();
