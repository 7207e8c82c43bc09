import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { GETTYSBURG, makeTextPdf } from "../../tests/support/source-fixtures";
import { newSignedInContext } from "./browser";
import { onCleanup } from "./cleanup";
import type { BenchSettings, FigureRow } from "./figure-row";
import { median, round } from "./stats";

/**
 * Figure 8b: the reader with a 20-page PDF (uploaded through the app, read by
 * its job, assigned to the demo class, opened by a student), in Chromium:
 * full load is navigation until the first page's canvas is drawn (pdf.js
 * loaded, the file fetched, the page painted); then every page drawn, each
 * scrolled to in turn (pages are drawn as they come near the screen).
 * Baseline: the same PDF drawn by the same pdf.js build in a static page on a
 * plain Node server (no app, no text layer, no annotations).
 */

export interface SourceReaderSetup {
  browser: Browser;
  appUrl: string;
  teacherCookie: string;
  studentCookie: string;
  classroomId: string;
}

const PAGES = 20;
const PDFJS = path.resolve(__dirname, "../../node_modules/pdfjs-dist/build");

async function api(setup: SourceReaderSetup, method: string, url: string, body?: FormData | object) {
  const isForm = body instanceof FormData;
  const res = await fetch(`${setup.appUrl}${url}`, {
    method,
    headers: { Cookie: setup.teacherCookie, Origin: setup.appUrl, ...(body && !isForm ? { "Content-Type": "application/json" } : {}) },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return res.json() as Promise<Record<string, Record<string, string>>>;
}

/** Uploads the PDF as the demo teacher, waits for its job, assigns it to the demo class; answers the reader's path. */
async function addReading(setup: SourceReaderSetup, pdf: Uint8Array): Promise<string> {
  const form = new FormData();
  const meta = { title: `Bench: ${PAGES} pages of the Gettysburg Address`, author: "Abraham Lincoln", source: "Typeset by the bench", retrieved: "2026-12-07", notes: "Public domain." };
  form.set("meta", JSON.stringify(meta));
  form.set("file", new Blob([pdf.slice()], { type: "application/pdf" }), "bench-20.pdf");
  const { essay } = await api(setup, "POST", "/api/readings/sources", form);
  for (const until = Date.now() + 120_000; ; ) {
    const { job } = await api(setup, "GET", `/api/readings/${essay.id}/source`);
    if (job.status === "done") break;
    if (job.status === "failed" || Date.now() > until) throw new Error(`the 20-page PDF's job is ${job.status}: ${job.message}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const { assignment } = await api(setup, "POST", `/api/classes/${setup.classroomId}/assignments`, { essayId: essay.id, dueAt: "2030-01-01T17:00:00.000Z" });
  return `/essays/${essay.slug}?assignment=${assignment.id}`;
}

/** Whether the n-th page canvas (in document order) holds a drawn pixel. */
function isDrawn(page: Page, index: number): Promise<boolean> {
  return page.evaluate((i) => {
    const canvas = document.querySelectorAll("canvas")[i] as HTMLCanvasElement | undefined;
    if (!canvas || canvas.width === 0) return false;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, Math.min(canvas.height, 200)).data;
    for (let p = 0; p < data.length; p += 4) if (data[p + 3] !== 0 && data[p] < 128) return true;
    return false;
  }, index);
}

async function waitDrawn(page: Page, index: number) {
  for (const until = Date.now() + 60_000; !(await isDrawn(page, index)); ) {
    if (Date.now() > until) throw new Error(`page ${index + 1} was never drawn`);
    await page.waitForTimeout(10);
  }
}

/** One cold load: ms to the first page drawn, and to every page drawn scrolling to each. */
async function timeLoad(browser: Browser, url: string, cookie: string | null): Promise<{ first: number; all: number }> {
  const context = await newSignedInContext(browser, new URL(url).origin, cookie);
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    await waitDrawn(page, 0);
    const first = performance.now() - start;
    for (let i = 1; i < PAGES; i++) {
      await page.evaluate((n) => document.querySelectorAll("canvas")[n]?.scrollIntoView(), i);
      await waitDrawn(page, i);
    }
    return { first, all: performance.now() - start };
  } finally {
    await context.close();
  }
}

/** The static baseline: the same pdf.js build drawing every page of the same PDF at the reader's column width. */
async function serveBaseline(pdf: Uint8Array): Promise<{ url: string; stop: () => Promise<void> }> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PDF</title>
<style>body{margin:0}main{max-width:760px;margin:2rem auto}canvas{display:block;width:100%;margin-bottom:1rem}</style></head>
<body><main></main><script type="module">
import * as pdfjs from "/pdf.min.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.min.mjs";
const pdf = await pdfjs.getDocument({ url: "/doc.pdf", isEvalSupported: false }).promise;
const main = document.querySelector("main");
for (let n = 1; n <= pdf.numPages; n++) main.appendChild(document.createElement("canvas"));
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const canvas = main.children[n - 1];
  const viewport = page.getViewport({ scale: (main.clientWidth * devicePixelRatio) / page.getViewport({ scale: 1 }).width });
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, viewport }).promise;
}
</script></body></html>`;
  const files: Record<string, [string, Buffer]> = {
    "/": ["text/html; charset=utf-8", Buffer.from(html)],
    "/pdf.min.mjs": ["text/javascript", readFileSync(path.join(PDFJS, "pdf.min.mjs"))],
    "/pdf.worker.min.mjs": ["text/javascript", readFileSync(path.join(PDFJS, "pdf.worker.min.mjs"))],
    "/doc.pdf": ["application/pdf", Buffer.from(pdf)],
  };
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url ?? "/", "http://x").pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": file[0], "Content-Length": file[1].length });
    res.end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const stop = onCleanup("static PDF baseline", async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, stop };
}

export async function runSourceReaderFigure(settings: BenchSettings, setup: SourceReaderSetup): Promise<FigureRow[]> {
  const reps = settings.isQuick ? 1 : 5;
  const pdf = await makeTextPdf(Array.from({ length: PAGES }, (_, i) => [GETTYSBURG[i % 3], GETTYSBURG[(i + 1) % 3], GETTYSBURG[(i + 2) % 3]]));
  const readerUrl = `${setup.appUrl}${await addReading(setup, pdf)}`;
  const baseline = await serveBaseline(pdf);
  try {
    const run = async (url: string, cookie: string | null) => {
      await timeLoad(setup.browser, url, cookie); // warm-up: route compiled, files cached by the server
      const loads = [];
      for (let i = 0; i < reps; i++) loads.push(await timeLoad(setup.browser, url, cookie));
      return { first: median(loads.map((l) => l.first)), all: median(loads.map((l) => l.all)), samples: loads.map((l) => [round(l.first), round(l.all)]) };
    };
    const ours = await run(readerUrl, setup.studentCookie);
    const base = await run(baseline.url, null);
    settings.log(`  20-page PDF: first page drawn ${round(ours.first)} ms (static pdf.js ${round(base.first)} ms), every page ${round(ours.all)} ms (${round(base.all)} ms)`);
    const baselineLabel = "the same PDF drawn by the same pdf.js in a static page, plain Node http";
    return [
      {
        id: "sources.reader.first",
        figure: "Reader with a 20-page PDF: full load in Chromium, first page drawn",
        unit: "ms",
        value: round(ours.first),
        baseline: round(base.first),
        baselineLabel,
        details: { samples: ours.samples, baselineSamples: base.samples },
      },
      {
        id: "sources.reader.all",
        figure: "Reader with a 20-page PDF: every page drawn, scrolled to in turn",
        unit: "ms",
        value: round(ours.all),
        baseline: round(base.all),
        baselineLabel,
      },
    ];
  } finally {
    await baseline.stop();
  }
}
