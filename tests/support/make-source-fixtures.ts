/*
 * Writes the committed source fixtures (tests/fixtures/sources): run with
 * `node --import tsx tests/support/make-source-fixtures.ts`. Deterministic:
 * the same files every time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GETTYSBURG, makeImagePdf, makeScanPng, makeTextPdf } from "./source-fixtures";

async function main() {
  const dir = path.join(process.cwd(), "tests", "fixtures", "sources");
  mkdirSync(dir, { recursive: true });

  const onePage = await makeTextPdf([GETTYSBURG]);
  writeFileSync(path.join(dir, "gettysburg.pdf"), onePage);
  // Three pages: the address, one paragraph a page, so a passage sits on page 2.
  writeFileSync(path.join(dir, "gettysburg-3-pages.pdf"), await makeTextPdf(GETTYSBURG.map((p) => [p])));
  // A corrected edition of the 3-page PDF: one word changed on page 2 (for the re-anchoring tests).
  writeFileSync(path.join(dir, "gettysburg-3-pages-corrected.pdf"), await makeTextPdf(GETTYSBURG.map((p) => [p.replace("great civil war", "great Civil War")])));

  // The first paragraph as a clean scan, and as a degraded one (turned 1.5°, 4 % speckles): small, so OCR stays short.
  const firstParagraph = await makeTextPdf([[GETTYSBURG[0]]]);
  const clean = await makeScanPng(firstParagraph, { degrees: 0.6, noise: 0.002, crop: 0.2, seed: 7 });
  writeFileSync(path.join(dir, "gettysburg-scan.png"), clean.png);
  const degraded = await makeScanPng(firstParagraph, { degrees: 1.5, noise: 0.04, crop: 0.2, seed: 11 });
  writeFileSync(path.join(dir, "gettysburg-scan-degraded.png"), degraded.png);
  writeFileSync(path.join(dir, "gettysburg-scan.pdf"), await makeImagePdf([clean]));
  console.log(`wrote ${dir}`);
}

void main();
