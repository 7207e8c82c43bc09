"use client";

import { memo, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { isLowConfidence, type PageGeometry, type SourceGeometry, type TextRun } from "@/lib/sources";
import { useHighlightCodes } from "@/components/annotations/highlight-codes-context";
import { createMarkContext, renderMarks, type MarkContext } from "./annotation-marks";
import { PdfPageCanvas, usePdfDocument } from "./pdf-page-canvas";

interface Props {
  text: string;
  geometry: SourceGeometry;
  /** The PDF the pages are drawn from (kind "pdf"). */
  fileUrl: string | null;
  /** What the picture shows, for an image source (required at upload). */
  altText: string | null;
  annotations: AnnotationDTO[];
  activeId: string | null;
  onOpen: (id: string) => void;
  pending?: { start: number; end: number } | null;
}

const percent = (n: number, of: number) => `${((n / of) * 100).toFixed(3)}%`;

/**
 * The reading as its real pages: each PDF page drawn by pdf.js on a canvas (or
 * the scanned picture), with a text layer of our own laid over it from the
 * revision's geometry. The layer is transparent text placed on each run's box,
 * split into the same marks as the text view (renderMarks), so selecting the
 * words on the page selects canonical text, highlights are drawn on the page,
 * and the margin lines its threads up with them (it measures `mark[data-ids]`
 * inside the article). Each page's layer is one `[data-block]` whose text is
 * exactly the page's canonical text: the gaps between runs are there too, as
 * empty-looking text, so offsets read from a selection are true.
 */
export const SourcePages = memo(function SourcePages({ text, geometry, fileUrl, altText, annotations, activeId, onOpen, pending }: Props) {
  const pdf = usePdfDocument(geometry.kind === "pdf" ? fileUrl : null);
  const unsure = geometry.runs.filter(isLowConfidence).map((r) => ({ start: r.s, end: r.e }));
  const codes = useHighlightCodes().byId;
  const ctx = createMarkContext(text, annotations, { activeId, onOpen, pending, unsure, codes });
  const runsByPage = new Map<number, TextRun[]>();
  for (const run of geometry.runs) runsByPage.set(run.p, [...(runsByPage.get(run.p) ?? []), run]);
  return (
    <div className="source-pages">
      {pdf.error ? <p className="source-error" role="alert">{pdf.error}</p> : null}
      {geometry.pages.map((page, index) => (
        <SourcePage
          key={index}
          index={index}
          page={page}
          count={geometry.pages.length}
          runs={runsByPage.get(index) ?? []}
          ctx={ctx}
          picture={
            geometry.kind === "pdf" ? (
              <PdfPageCanvas document={pdf.document} pageNumber={index + 1} />
            ) : page.imageFileId ? (
              <img className="source-picture" src={`/api/source-files/${page.imageFileId}`} alt={altText ?? ""} />
            ) : null
          }
        />
      ))}
    </div>
  );
});

function SourcePage({ index, page, count, runs, ctx, picture }: { index: number; page: PageGeometry; count: number; runs: TextRun[]; ctx: MarkContext; picture: React.ReactNode }) {
  const layer = useRef<HTMLDivElement>(null);
  useFitRuns(layer, runs.length);
  const pieces: React.ReactNode[] = [];
  let cursor = page.start;
  for (const run of runs) {
    if (run.s > cursor) pieces.push(<span key={`g${cursor}`} className="source-gap">{ctx.text.slice(cursor, run.s)}</span>);
    pieces.push(
      <span
        key={run.s}
        className={`source-run${isLowConfidence(run) ? " is-unsure" : ""}`}
        style={{
          left: percent(run.x, page.width),
          top: percent(run.y, page.height),
          width: percent(run.w, page.width),
          height: percent(run.h, page.height),
          // In container units of the page's width, so the words scale with the page and need measuring only once.
          fontSize: `${((run.h / page.width) * 100).toFixed(3)}cqw`,
        }}
      >
        <span className="source-run-text">{renderMarks(ctx, run.s, run.e)}</span>
      </span>,
    );
    cursor = run.e;
  }
  if (page.end > cursor) pieces.push(<span key={`g${cursor}`} className="source-gap">{ctx.text.slice(cursor, page.end)}</span>);
  return (
    <figure className="source-page" aria-label={`Page ${index + 1} of ${count}`}>
      <div className="source-sheet" style={{ aspectRatio: `${page.width} / ${page.height}` }}>
        {picture}
        <div ref={layer} className="source-text-layer" data-block={`page-${index}`} data-start={page.start} data-end={page.end} data-page={index + 1}>
          {pieces}
        </div>
      </div>
      <figcaption className="source-page-number" aria-hidden="true">
        {index + 1}
      </figcaption>
    </figure>
  );
}

/**
 * Stretches each run's transparent words to its box's width, as pdf.js's
 * own text layer does, so a selection or a highlight covers the words on the
 * picture. Font sizes are in units of the page's width, so the ratio holds at
 * every width: measured once the fonts are ready, and again if the runs change.
 */
function useFitRuns(layer: React.RefObject<HTMLDivElement | null>, runCount: number) {
  const [fontsReady, setFontsReady] = useState(false);
  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, []);
  useLayoutEffect(() => {
    const root = layer.current;
    if (!root) return;
    const runs = [...root.querySelectorAll<HTMLElement>(".source-run")];
    // Read every width first, then write every transform: one layout pass for the page.
    const ratios = runs.map((run) => {
      const words = run.firstElementChild as HTMLElement | null;
      return words && words.offsetWidth > 0 ? run.clientWidth / words.offsetWidth : 1;
    });
    runs.forEach((run, i) => {
      const words = run.firstElementChild as HTMLElement | null;
      if (words) words.style.transform = `scaleX(${ratios[i].toFixed(4)})`;
    });
  }, [layer, runCount, fontsReady]);
}
