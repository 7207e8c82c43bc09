import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { closeSourcePool, runSourceTask } from "@/lib/server/sources/source-pool";
import { characterErrorRate, GETTYSBURG, makeScanPng, makeTextPdf } from "../../tests/support/source-fixtures";
import type { BenchSettings, FigureRow } from "./figure-row";
import { median, round } from "./stats";

/**
 * Figure 8a: reading files, in the worker thread the jobs use
 * (lib/server/sources/source-pool, piscina), each beside the library doing
 * the same work directly on the bench's own thread:
 * - text extraction of a 50-page PDF (3 paragraphs a page) vs. pdf.js's
 *   getTextContent of every page, nothing else;
 * - OCR of one page at 300 dpi (a whole Letter page, turned 0.6° and speckled;
 *   the quick run reads the clean scan fixture, one paragraph) vs. tesseract.js's recognize of the same picture,
 *   with the same English data; its character error rate against the source text.
 * Tesseract's start-up (once per thread) is timed apart and left out of both.
 */

const requireHere = createRequire(path.join(process.cwd(), "package.json"));
const packageDir = (name: string) => path.dirname(requireHere.resolve(`${name}/package.json`));

/** The median of `reps` timed runs of `work`, after one untimed warm-up. */
async function timed(reps: number, work: () => Promise<unknown>): Promise<{ ms: number; samples: number[] }> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    await work();
    samples.push(round(performance.now() - start));
  }
  return { ms: median(samples), samples };
}

/** pdf.js alone: open the document and take every page's text content (the legacy Node build the worker uses). */
async function pdfjsTextOnly(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  let items = 0;
  for (let n = 1; n <= pdf.numPages; n++) items += (await (await pdf.getPage(n)).getTextContent()).items.length;
  await pdf.destroy();
  return items;
}

export async function runSourceFigure(settings: BenchSettings): Promise<FigureRow[]> {
  const reps = settings.isQuick ? { extract: 3, ocr: 1 } : { extract: 7, ocr: 3 };
  const pages = Array.from({ length: 50 }, (_, i) => [GETTYSBURG[i % 3], GETTYSBURG[(i + 1) % 3], GETTYSBURG[(i + 2) % 3]]);
  const pdf = await makeTextPdf(pages);
  try {
    const ours = await timed(reps.extract, async () => {
      const r = await runSourceTask("readPdf", { bytes: pdf.slice() });
      if ("refused" in r) throw new Error(r.refused);
    });
    const base = await timed(reps.extract, () => pdfjsTextOnly(pdf));
    settings.log(`  50-page extraction: ${ours.ms} ms in the worker, ${base.ms} ms pdf.js alone`);

    // The whole address on one Letter page, as README's figures; the quick run reads the clean scan fixture (its first paragraph).
    const scan = settings.isQuick
      ? { png: new Uint8Array(readFileSync(path.resolve(__dirname, "../../tests/fixtures/sources/gettysburg-scan.png"))), width: 2550, height: 634 }
      : await makeScanPng(await makeTextPdf([GETTYSBURG]), { degrees: 0.6, noise: 0.002, seed: 7 });
    const recognize = async () => {
      const page = await runSourceTask("recognize", { image: scan.png.slice() });
      return page.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text))).join(" ");
    };
    // The first call starts Tesseract in the thread: timed apart.
    const first = performance.now();
    const read = await recognize();
    const startMs = performance.now() - first;
    const ocrSamples: number[] = [];
    for (let i = 0; i < reps.ocr; i++) {
      const start = performance.now();
      await recognize();
      ocrSamples.push(round(performance.now() - start));
    }
    const ocr = { ms: median(ocrSamples), samples: ocrSamples };
    const cer = characterErrorRate(read, settings.isQuick ? GETTYSBURG[0] : GETTYSBURG.join(" "));

    const { createWorker, OEM } = await import("tesseract.js");
    const direct = await createWorker("eng", OEM.LSTM_ONLY, { langPath: path.join(packageDir("@tesseract.js-data/eng"), "4.0.0_best_int"), gzip: true, cacheMethod: "none" });
    let ocrBase;
    try {
      // The same output as the worker asks for: blocks with words, boxes and confidences; no text, hOCR or TSV.
      ocrBase = await timed(reps.ocr, () => direct.recognize(Buffer.from(scan.png), {}, { blocks: true, text: false, hocr: false, tsv: false }));
    } finally {
      await direct.terminate();
    }
    settings.log(`  OCR of ${scan.width} × ${scan.height} px: ${ocr.ms} ms in the worker, ${ocrBase.ms} ms tesseract.js alone; CER ${(cer * 100).toFixed(2)} %`);
    const pageLabel = settings.isQuick ? "the clean scan fixture, a paragraph" : "a whole Letter page";
    return [
      {
        id: "sources.extract.50",
        figure: "Text extraction of a 50-page PDF, in the worker thread",
        unit: "ms",
        value: ours.ms,
        baseline: base.ms,
        baselineLabel: "pdf.js getTextContent of every page, on the bench's thread",
        details: { samples: ours.samples, baselineSamples: base.samples, pages: 50, bytes: pdf.byteLength },
      },
      {
        id: "sources.ocr.page",
        figure: `OCR time per page (${pageLabel} at 300 dpi), in the worker thread`,
        unit: "ms",
        value: ocr.ms,
        baseline: ocrBase.ms,
        baselineLabel: "tesseract.js recognize of the same picture (same data and output), called directly",
        details: { samples: ocr.samples, baselineSamples: ocrBase.samples, pixels: `${scan.width}x${scan.height}`, firstCallWithStartMs: round(startMs), characterErrorRate: round(cer * 100, 2) },
      },
      {
        id: "sources.ocr.cer",
        figure: `OCR character error rate (${pageLabel}, turned 0.6°, 0.2 % speckles)`,
        unit: "%",
        value: round(cer * 100, 2),
        baseline: null,
        baselineLabel: "the source text",
        target: { text: "≤ 3 %", isMet: cer <= 0.03 },
      },
    ];
  } finally {
    await closeSourcePool();
  }
}
