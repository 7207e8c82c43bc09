"use client";

import { codeStyle } from "@/components/annotations/code-swatch";
import { describeFlagMark } from "@/lib/annotations/flags";
import { cueOf, dominantCode, type HighlightCodeDTO } from "@/lib/annotations/highlight-codes";
import { segmentBlock, type SpanRef } from "@/lib/annotations/segments";
import type { AnnotationDTO } from "@/lib/annotations/types";
import "./coded-marks.css";

/** The mark id of the passage being written on (never an annotation id: those are UUIDs). */
export const PENDING_MARK_ID = "pending-selection";
/** Not an annotation: words the OCR was unsure of, marked so that readers check them against the picture. */
export const UNSURE_MARK_ID = "ocr-unsure";

/** What every piece of marked text shares: the spans, whose they are, the active thread. */
export interface MarkContext {
  text: string;
  spans: SpanRef[];
  mine: ReadonlySet<string>;
  byId: ReadonlyMap<string, AnnotationDTO>;
  activeId: string | null;
  onOpen: (id: string) => void;
  /** The class's highlight codes, by id. */
  codes: ReadonlyMap<string, HighlightCodeDTO>;
}

/** The context for a list of annotations, the passage being written on, and words read with low confidence. */
export function createMarkContext(
  text: string,
  annotations: AnnotationDTO[],
  options: {
    activeId: string | null;
    onOpen: (id: string) => void;
    pending?: { start: number; end: number } | null;
    unsure?: readonly { start: number; end: number }[];
    codes?: ReadonlyMap<string, HighlightCodeDTO>;
  },
): MarkContext {
  const placed = annotations.filter((a) => a.span && !a.isDeleted);
  const spans: SpanRef[] = placed.map((a) => ({ id: a.id, start: a.span!.start, end: a.span!.end }));
  if (options.pending) spans.push({ id: PENDING_MARK_ID, start: options.pending.start, end: options.pending.end });
  for (const u of options.unsure ?? []) spans.push({ id: UNSURE_MARK_ID, start: u.start, end: u.end });
  return {
    text,
    spans,
    mine: new Set(placed.filter((a) => a.isMine).map((a) => a.id)),
    byId: new Map(placed.map((a) => [a.id, a])),
    activeId: options.activeId,
    onOpen: options.onOpen,
    codes: options.codes ?? new Map(),
  };
}

/**
 * The text from `start` to `end` with highlights drawn in. Overlaps nest, so
 * a passage several people marked reads darker; the viewer's own marks are
 * told apart from classmates' by colour and a solid underline (not colour
 * alone). Flagged words get a status-styled line and their proposed
 * correction after them, drawn by CSS from data-correction: generated content
 * is not part of the DOM text, so selection offsets stay true to the essay.
 * Words a later revision fixed are shown as they read now, with a quiet mark.
 */
export function renderMarks(ctx: MarkContext, start: number, end: number): React.ReactNode[] {
  return segmentBlock(start, end, ctx.spans).map((segment) => {
    const words = ctx.text.slice(segment.start, segment.end);
    const isPending = segment.ids.includes(PENDING_MARK_ID);
    const isUnsure = segment.ids.includes(UNSURE_MARK_ID);
    const ids = segment.ids.filter((id) => id !== PENDING_MARK_ID && id !== UNSURE_MARK_ID);
    const unsure = isUnsure ? "ocr-unsure" : "";
    if (!isPending && ids.length === 0) {
      return isUnsure ? (
        <span key={segment.start} className={unsure} title="The OCR was unsure of this word: check it against the picture.">
          {words}
        </span>
      ) : (
        <span key={segment.start}>{words}</span>
      );
    }
    if (ids.length === 0) {
      return (
        <mark key={segment.start} className={`hl hl-pending ${unsure}`.trim()} data-ids={PENDING_MARK_ID}>
          {words}
        </mark>
      );
    }
    const hasMine = ids.some((id) => ctx.mine.has(id));
    const hasPeer = ids.some((id) => !ctx.mine.has(id));
    const flag = describeFlagMark(ids, segment.end, ctx.byId);
    const classes = [
      "hl",
      `hl-depth-${Math.min(ids.length, 3)}`,
      hasMine ? "hl-mine" : "",
      hasPeer ? "hl-peer" : "",
      ctx.activeId && ids.includes(ctx.activeId) ? "hl-active" : "",
      flag ? (flag.isFixedInSource ? "hl-flag-fixed" : `hl-flag hl-flag-${flag.status}`) : "",
      isPending ? "hl-pending" : "",
      unsure,
    ];
    const dataIds = segment.ids.filter((id) => id !== UNSURE_MARK_ID);
    const coded = codedLook(ctx, ids, segment.start);
    if (coded) classes.push("hl-coded");
    return (
      <mark
        key={segment.start}
        className={classes.filter(Boolean).join(" ")}
        style={coded?.style}
        data-code-cue={coded?.cue}
        data-code-label={coded?.label}
        data-ids={dataIds.join(" ")}
        data-correction={flag?.correctionText ?? undefined}
        // Repeated clicks on overlapping highlights step through their threads.
        onClick={() => ctx.onOpen(ids[(ids.indexOf(ctx.activeId ?? "") + 1) % ids.length])}
      >
        {words}
      </mark>
    );
  });
}

/**
 * How a marked piece shows its codes: the colour of the code most of its
 * marks carry, and where coded marks start, their shapes drawn before the
 * words (CSS generated content, so selection offsets stay true to the text)
 * with their names as that content's spoken alternative.
 */
function codedLook(ctx: MarkContext, ids: readonly string[], start: number) {
  if (ctx.codes.size === 0) return null;
  const marks = ids.map((id) => ctx.byId.get(id));
  const code = dominantCode(marks.map((a) => a?.codeId), ctx.codes);
  if (!code) return null;
  const starting = [...new Set(marks.filter((a) => a?.span?.start === start).map((a) => a?.codeId && ctx.codes.get(a.codeId)))]
    .filter((c): c is HighlightCodeDTO => Boolean(c))
    .sort((a, b) => a.position - b.position);
  return {
    // The shape sits on the colour of its own code (the first, when several start here), not the piece's.
    style: { ...codeStyle(code), ...(starting.length > 0 ? codeStyle(starting[0], "cue") : {}) },
    cue: starting.length > 0 ? starting.map((c) => cueOf(c.cue).glyph).join("") : undefined,
    label: starting.length > 0 ? `${starting.map((c) => c.label).join(", ")}: ` : undefined,
  };
}
