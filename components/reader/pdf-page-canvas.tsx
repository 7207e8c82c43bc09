"use client";

import { useEffect, useRef, useState } from "react";
import type { PDFDocumentProxy } from "pdfjs-dist";

/** pdf.js's worker, served by our own origin (app/pdfjs/pdf.worker.min.mjs/route.ts): the CSP allows no other. */
const WORKER_URL = "/pdfjs/pdf.worker.min.mjs";

/**
 * Opens the PDF with pdf.js, loaded only when a page view needs it (it stays
 * out of the reader's first-load JavaScript). Scripts in the file never run:
 * no code is generated from it (isEvalSupported: false), no scripting, no
 * forms, no annotation layer; pages are only drawn.
 */
export function usePdfDocument(url: string | null): { document: PDFDocumentProxy | null; error: string | null } {
  const [state, setState] = useState<{ document: PDFDocumentProxy | null; error: string | null }>({ document: null, error: null });
  useEffect(() => {
    if (!url) return;
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    void (async () => {
      try {
        const pdfjs = await import("pdfjs-dist");
        pdfjs.GlobalWorkerOptions.workerSrc = WORKER_URL;
        opened = await pdfjs.getDocument({ url, isEvalSupported: false, enableXfa: false, withCredentials: true }).promise;
        if (live) setState({ document: opened, error: null });
        else void opened.destroy();
      } catch {
        if (live) setState({ document: null, error: "The pages could not be drawn. The text view shows the same text." });
      }
    })();
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [url]);
  return state;
}

/**
 * One page drawn on a canvas when it comes near the screen (a long PDF draws
 * only what is read), at the device's pixel density, redrawn when the page
 * becomes much wider. The canvas is a picture only: its text is the layer above.
 */
export function PdfPageCanvas({ document: pdf, pageNumber }: { document: PDFDocumentProxy | null; pageNumber: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [isNear, setNear] = useState(false);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "100% 0px" });
    const sized = new ResizeObserver(([entry]) => {
      const next = Math.round(entry.contentRect.width);
      // Redraw only when the page grew by a quarter: a sharper drawing, without redrawing on every small resize.
      setWidth((drawn) => (drawn === 0 || next > drawn * 1.25 ? next : drawn));
    });
    seen.observe(element);
    sized.observe(element);
    return () => {
      seen.disconnect();
      sized.disconnect();
    };
  }, []);

  useEffect(() => {
    const element = canvas.current;
    if (!pdf || !isNear || !element || width === 0) return;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    let live = true;
    void (async () => {
      const page = await pdf.getPage(pageNumber);
      if (!live) return;
      const scale = Math.min(4, (width * (window.devicePixelRatio || 1)) / page.getViewport({ scale: 1 }).width);
      const viewport = page.getViewport({ scale });
      element.width = Math.ceil(viewport.width);
      element.height = Math.ceil(viewport.height);
      task = page.render({ canvas: element, viewport });
      await task.promise.catch(() => {});
    })();
    return () => {
      live = false;
      task?.cancel();
    };
  }, [pdf, isNear, width, pageNumber]);

  return <canvas ref={canvas} className="source-canvas" aria-hidden="true" />;
}
