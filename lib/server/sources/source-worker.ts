/*
 * Worker-thread entry (run by piscina, lib/server/sources/source-pool.ts) for
 * the CPU work on uploaded files: reading a PDF's text layer with pdf.js,
 * drawing a scanned page as a picture, and OCR with tesseract.js. None of it
 * ever runs on the thread that serves requests. Deliberately without
 * `import "server-only"` (see reading-worker.ts): piscina loads it outside
 * the react-server condition. Every path it reads is inside node_modules;
 * nothing is downloaded.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { MessagePort } from "node:worker_threads";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { createWorker } from "tesseract.js";
import type * as Utif from "utif2";
import type { OcrPage } from "../../sources/ocr-text";
import type { PdfPageText } from "../../sources/pdf-text";
import { MAX_IMAGE_PIXELS, MAX_OCR_PAGES, MAX_PDF_PAGES } from "../../sources/limits";

const requireHere = createRequire(path.join(process.cwd(), "package.json"));

/** A refusal the teacher reads: the file is at fault, so trying again cannot help. */
export interface Refusal {
  refused: string;
}

type PdfJs = typeof PdfJsModule;
let pdfjsLoaded: Promise<PdfJs> | null = null;
// The legacy build is the one pdf.js supports in Node; the worker itself is this thread, so no pdf.js worker is started.
const loadPdfJs = () => (pdfjsLoaded ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

function packageDir(name: string): string {
  return path.dirname(requireHere.resolve(`${name}/package.json`));
}

async function openPdf(bytes: Uint8Array) {
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument({
    data: bytes,
    // No code generated from the file, ever.
    isEvalSupported: false,
    // The 14 standard fonts, from node_modules (only drawing a scan needs them).
    standardFontDataUrl: path.join(packageDir("pdfjs-dist"), "standard_fonts") + path.sep,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  }).promise;
}

/** What readPdf learns from a PDF: its pages' text items in page coordinates, or why it is refused. */
export type PdfReading = Refusal | { pageCount: number; pages: PdfPageText[]; characters: number };

/**
 * Reads every page's text layer. Refuses, with a sentence, a PDF that cannot
 * be parsed, that has more pages than MAX_PDF_PAGES, or that carries
 * JavaScript (document, page or form actions): the reader would never run
 * it, but a teacher should know the file is not what it seems.
 */
export async function readPdf({ bytes, port }: { bytes: Uint8Array; port?: MessagePort }): Promise<PdfReading> {
  let pdf;
  try {
    pdf = await openPdf(bytes);
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") return { refused: "This PDF is protected by a password. Upload a copy without one." };
    return { refused: `This PDF could not be read (${(error as Error).message.slice(0, 120)}). Save it again from the program that made it, or print it to a new PDF, and upload that.` };
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      return { refused: `This PDF has ${pdf.numPages} pages; a reading can have at most ${MAX_PDF_PAGES}. Upload the pages the class reads.` };
    }
    if (await hasJavaScript(pdf)) {
      return { refused: "This PDF contains JavaScript, which a reading may not carry. Print it to a new PDF (which leaves scripts out) and upload that." };
    }
    const pdfjs = await loadPdfJs();
    const pages: PdfPageText[] = [];
    let characters = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      if (await hasPageJavaScript(page)) {
        return { refused: "This PDF contains JavaScript, which a reading may not carry. Print it to a new PDF (which leaves scripts out) and upload that." };
      }
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfPageText["items"] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        // As pdf.js's own text layer places it: the item's matrix in the page's top-left coordinates.
        const tx = pdfjs.Util.transform(viewport.transform, item.transform);
        const fontHeight = Math.hypot(tx[2], tx[3]);
        const ascent = content.styles[item.fontName]?.ascent ?? 0.8;
        const top = tx[5] - fontHeight * (ascent > 0 ? ascent : 0.8);
        const angle = Math.atan2(tx[1], tx[0]);
        const width = Math.abs(angle) > 0.01 && item.height ? item.width : item.width;
        items.push({ str: item.str, hasEOL: item.hasEOL, box: { x: tx[4], y: top, w: Math.abs(width), h: fontHeight } });
        characters += item.str.trim().length;
      }
      pages.push({ width: viewport.width, height: viewport.height, items });
      page.cleanup();
      port?.postMessage({ progress: n / pdf.numPages, stage: `Reading page ${n} of ${pdf.numPages}` });
    }
    return { pageCount: pdf.numPages, pages, characters };
  } finally {
    await pdf.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof openPdf>>;

async function hasJavaScript(pdf: PdfDocument): Promise<boolean> {
  const [scripts, actions, open] = await Promise.all([pdf.getJSActions(), (pdf as unknown as { getJavaScript?: () => Promise<string[] | null> }).getJavaScript?.() ?? null, pdf.getOpenAction()]);
  if (scripts && Object.keys(scripts).length > 0) return true;
  if (actions && actions.length > 0) return true;
  return Boolean(open && typeof open === "object" && "action" in open && open.action);
}

async function hasPageJavaScript(page: Awaited<ReturnType<PdfDocument["getPage"]>>): Promise<boolean> {
  const actions = await page.getJSActions();
  if (actions && Object.keys(actions).length > 0) return true;
  const annotations = await page.getAnnotations({ intent: "display" });
  return annotations.some((a: { actions?: object; url?: string; unsafeUrl?: string }) => (a.actions && Object.keys(a.actions).length > 0) || /^\s*javascript:/i.test(a.unsafeUrl ?? ""));
}

/** One page of a PDF drawn as a PNG at `dpi`, for OCR; with the page's size in points. */
export async function drawPdfPage({ bytes, pageNumber, dpi }: { bytes: Uint8Array; pageNumber: number; dpi: number }) {
  const { createCanvas } = await import("@napi-rs/canvas");
  const pdf = await openPdf(bytes);
  try {
    const page = await pdf.getPage(pageNumber);
    const points = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: dpi / 72 });
    if (viewport.width * viewport.height > MAX_IMAGE_PIXELS) throw new Error(`page ${pageNumber} is too large to draw`);
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    // The canvas types of @napi-rs/canvas and the DOM differ only in what pdf.js does not use.
    await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    const png = await canvas.encode("png");
    return { png: new Uint8Array(png), pixelWidth: canvas.width, pixelHeight: canvas.height, width: points.width, height: points.height };
  } finally {
    await pdf.destroy();
  }
}

/**
 * An uploaded image as the PNG or JPEG pages the reader shows and OCR reads:
 * a PNG or JPEG as it is, a TIFF page by page as PNG (browsers show no TIFF).
 * Refuses a picture over MAX_IMAGE_PIXELS before decoding it.
 */
export async function readImage({ bytes, mediaType }: { bytes: Uint8Array; mediaType: string }): Promise<Refusal | { pages: { png?: Uint8Array; width: number; height: number }[] }> {
  const { createCanvas, loadImage } = await import("@napi-rs/canvas");
  if (mediaType === "image/tiff") {
    const UTIF = requireHere("utif2") as typeof Utif;
    const ifds = UTIF.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    if (ifds.length > MAX_OCR_PAGES) return { refused: `This TIFF has ${ifds.length} pages; at most ${MAX_OCR_PAGES} are transcribed. Upload the pages the class reads.` };
    const pages = [];
    for (const ifd of ifds) {
      const width = Number(ifd.width ?? (ifd.t256 as number[] | undefined)?.[0] ?? 0);
      const height = Number(ifd.height ?? (ifd.t257 as number[] | undefined)?.[0] ?? 0);
      if (width * height > MAX_IMAGE_PIXELS) return { refused: `This TIFF's pictures are larger than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels. Scan at 300 dpi and upload that.` };
      UTIF.decodeImage(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      const canvas = createCanvas(ifd.width, ifd.height);
      const context = canvas.getContext("2d");
      const data = context.createImageData(ifd.width, ifd.height);
      data.data.set(rgba);
      context.putImageData(data, 0, 0);
      pages.push({ png: new Uint8Array(await canvas.encode("png")), width: ifd.width, height: ifd.height });
    }
    if (pages.length === 0) return { refused: "This TIFF holds no picture." };
    return { pages };
  }
  const size = readImageSize(bytes);
  if (!size) return { refused: "This picture could not be read. Save it again as PNG or JPEG and upload that." };
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    return { refused: `This picture is ${size.width} × ${size.height} pixels; at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are read. Scan at 300 dpi and upload that.` };
  }
  try {
    const image = await loadImage(Buffer.from(bytes));
    return { pages: [{ width: image.width, height: image.height }] };
  } catch {
    return { refused: "This picture could not be read. Save it again as PNG or JPEG and upload that." };
  }
}

/** A PNG's or JPEG's declared size, read from its header before anything is decoded. */
function readImageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes.length > 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    const length = view.getUint16(at + 2);
    // Start of frame: baseline, progressive and the other SOFn (not DHT C4, JPG C8, DAC CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

type TesseractWorker = Awaited<ReturnType<typeof createWorker>>;
let tesseract: Promise<TesseractWorker> | null = null;
let reportTo: MessagePort | undefined;

/**
 * tesseract.js with English from @tesseract.js-data/eng, inside node_modules:
 * nothing is fetched (tesseract.js would fetch from a CDN only when langPath is
 * unset). The LSTM engine alone, with the package's "best_int" data (2.9 MB
 * packed); tesseract.js's Node build loads its core from tesseract.js-core
 * with require, and its worker script from its own folder. Made once per
 * thread (a few seconds) and kept for the next pages.
 */
function startTesseract(): Promise<TesseractWorker> {
  tesseract ??= (async () => {
    const { createWorker, OEM } = await import("tesseract.js");
    return createWorker("eng", OEM.LSTM_ONLY, {
      langPath: path.join(packageDir("@tesseract.js-data/eng"), "4.0.0_best_int"),
      gzip: true,
      // Never write the unpacked language data anywhere.
      cacheMethod: "none",
      logger: (m: { status: string; progress: number }) => {
        if (m.status === "recognizing text") reportTo?.postMessage({ pageProgress: m.progress });
      },
      errorHandler: () => {},
    });
  })();
  return tesseract;
}

/** OCR of one picture (PNG or JPEG bytes): its words with boxes and confidences, by paragraph and line. */
export async function recognize({ image, port }: { image: Uint8Array; port?: MessagePort }): Promise<OcrPage> {
  const worker = await startTesseract();
  reportTo = port;
  try {
    const { data } = await worker.recognize(Buffer.from(image), {}, { blocks: true, text: false, hocr: false, tsv: false });
    const paragraphs: OcrPage["paragraphs"] = [];
    for (const block of data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        paragraphs.push({
          lines: paragraph.lines.map((line) => ({
            words: line.words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: { x0: w.bbox.x0, y0: w.bbox.y0, x1: w.bbox.x1, y1: w.bbox.y1 } })),
          })),
        });
      }
    }
    return { width: 0, height: 0, paragraphs };
  } finally {
    reportTo = undefined;
  }
}
