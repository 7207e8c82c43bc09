/*
 * Real files for the source tests, made here rather than found: text PDFs
 * written with pdf-lib from public-domain text, and "scans" of the same text,
 * drawn by pdf.js at 300 dpi, turned a little and speckled. The committed
 * copies in tests/fixtures/sources are made by `node --import tsx
 * tests/support/make-source-fixtures.ts`.
 */
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** Lincoln's Gettysburg Address (1863), public domain: the text of every source fixture. */
export const GETTYSBURG = [
  "Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.",
  "Now we are engaged in a great civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure. We are met on a great battle-field of that war. We have come to dedicate a portion of that field, as a final resting place for those who here gave their lives that that nation might live. It is altogether fitting and proper that we should do this.",
  "But, in a larger sense, we can not dedicate, we can not consecrate, we can not hallow this ground. The brave men, living and dead, who struggled here, have consecrated it, far above our poor power to add or detract.",
];

const PAGE = { width: 612, height: 792, margin: 72, size: 13, leading: 18 };

function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A PDF with a text layer: each page's paragraphs, wrapped to the page, a blank line between them. */
export async function makeTextPdf(pages: string[][], options: { title?: string; author?: string; date?: Date } = {}): Promise<Uint8Array> {
  // With a date, the file's metadata holds no "now": the same bytes every time.
  const doc = await PDFDocument.create(options.date ? { updateMetadata: false } : {});
  doc.setTitle(options.title ?? "Source fixture");
  if (options.author) doc.setAuthor(options.author);
  if (options.date) {
    doc.setCreationDate(options.date);
    doc.setModificationDate(options.date);
    doc.setProducer("pdf-lib");
  }
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const paragraphs of pages) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    let y = PAGE.height - PAGE.margin;
    for (const paragraph of paragraphs) {
      for (const line of wrap(paragraph, PAGE.width - 2 * PAGE.margin, (s) => font.widthOfTextAtSize(s, PAGE.size))) {
        page.drawText(line, { x: PAGE.margin, y, size: PAGE.size, font });
        y -= PAGE.leading;
      }
      y -= PAGE.leading;
    }
  }
  return doc.save();
}

/** A PDF whose pages are only pictures (no text layer), as a scanner makes: each page is one PNG. */
export async function makeImagePdf(pngs: { png: Uint8Array; width: number; height: number }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const { png, width, height } of pngs) {
    const image = await doc.embedPng(png);
    const page = doc.addPage([(width * 72) / 300, (height * 72) / 300]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return doc.save();
}

/** Deterministic noise, so a fixture is the same file every time it is made. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * One page of a text PDF as a scan: drawn at `dpi`, turned by `degrees`,
 * speckled with `noise` (the share of pixels flipped to grey or black), and
 * cut to `crop` (a fraction of the page's height from the top) to keep OCR short.
 */
export async function makeScanPng(
  pdf: Uint8Array,
  options: { dpi?: number; degrees?: number; noise?: number; crop?: number; seed?: number } = {},
): Promise<{ png: Uint8Array; width: number; height: number }> {
  const { dpi = 300, degrees = 0, noise = 0, crop = 1, seed = 1 } = options;
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const root = process.cwd();
  const doc = await pdfjs.getDocument({
    data: pdf.slice(),
    isEvalSupported: false,
    standardFontDataUrl: path.join(root, "node_modules", "pdfjs-dist", "standard_fonts") + path.sep,
    verbosity: 0,
  }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const drawn = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = drawn.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, drawn.width, drawn.height);
  await page.render({ canvasContext: ctx as unknown as CanvasRenderingContext2D, canvas: drawn as unknown as HTMLCanvasElement, viewport }).promise;
  await doc.destroy();

  const height = Math.ceil(drawn.height * crop);
  const out = createCanvas(drawn.width, height);
  const o = out.getContext("2d");
  o.fillStyle = "#f7f4ec";
  o.fillRect(0, 0, out.width, height);
  o.translate(out.width / 2, out.height / 2);
  o.rotate((degrees * Math.PI) / 180);
  o.translate(-out.width / 2, -out.height / 2);
  o.drawImage(drawn, 0, 0);
  o.setTransform(1, 0, 0, 1, 0, 0);
  if (noise > 0) {
    const next = random(seed);
    const image = o.getImageData(0, 0, out.width, height);
    for (let i = 0; i < image.data.length; i += 4) {
      if (next() < noise) {
        const v = next() < 0.5 ? 40 : 160;
        image.data[i] = image.data[i + 1] = image.data[i + 2] = v;
      }
    }
    o.putImageData(image, 0, 0);
  }
  return { png: new Uint8Array(await out.encode("png")), width: out.width, height };
}

/** Character error rate: edit distance between the words read and the source, per character of the source. */
export function characterErrorRate(read: string, source: string): number {
  const a = read.replace(/\s+/g, " ").trim();
  const b = source.replace(/\s+/g, " ").trim();
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length] / Math.max(1, b.length);
}
