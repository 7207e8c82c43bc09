"use client";

import { memo } from "react";
import { describeFlagMark } from "@/lib/annotations/flags";
import { segmentBlock } from "@/lib/annotations/segments";
import type { AnnotationDTO } from "@/lib/annotations/types";
import type { Block } from "@/lib/content";
import { EssayText } from "./essay-text";

interface Props {
  text: string;
  blocks: Block[];
  annotations: AnnotationDTO[];
  activeId: string | null;
  titleId?: string;
  onOpen: (id: string) => void;
  /** The passage a comment or flag is being written on: stays marked while the composer is open. */
  pending?: { start: number; end: number } | null;
}

/** The mark id of the passage being written on (never an annotation id: those are UUIDs). */
export const PENDING_MARK_ID = "pending-selection";

/**
 * The essay with highlights drawn in. Overlaps nest, so a passage several
 * people marked reads darker; the viewer's own marks are told apart from
 * classmates' by colour and a solid underline (not colour alone). Flagged
 * words get a status-styled line and their proposed correction after them,
 * drawn by CSS from data-correction: generated content is not part of the
 * DOM text, so selection offsets stay true to the essay (the card states the
 * correction for screen readers). Words a later revision fixed are shown as
 * they read now, with a quiet mark only.
 */
export const AnnotatedText = memo(function AnnotatedText({ text, blocks, annotations, activeId, titleId, onOpen, pending }: Props) {
  const placed = annotations.filter((a) => a.span && !a.isDeleted);
  const spans = placed.map((a) => ({ id: a.id, start: a.span!.start, end: a.span!.end }));
  if (pending) spans.push({ id: PENDING_MARK_ID, start: pending.start, end: pending.end });
  const mine = new Set(placed.filter((a) => a.isMine).map((a) => a.id));
  const byId = new Map(placed.map((a) => [a.id, a]));

  const renderBlock = (block: Block) =>
    segmentBlock(block.start, block.end, spans).map((segment) => {
      const words = text.slice(segment.start, segment.end);
      const isPending = segment.ids.includes(PENDING_MARK_ID);
      const ids = isPending ? segment.ids.filter((id) => id !== PENDING_MARK_ID) : segment.ids;
      if (segment.ids.length === 0) return <span key={segment.start}>{words}</span>;
      if (ids.length === 0) {
        return (
          <mark key={segment.start} className="hl hl-pending" data-ids={PENDING_MARK_ID}>
            {words}
          </mark>
        );
      }
      const hasMine = ids.some((id) => mine.has(id));
      const hasPeer = ids.some((id) => !mine.has(id));
      const flag = describeFlagMark(ids, segment.end, byId);
      const classes = [
        "hl",
        `hl-depth-${Math.min(ids.length, 3)}`,
        hasMine ? "hl-mine" : "",
        hasPeer ? "hl-peer" : "",
        activeId && ids.includes(activeId) ? "hl-active" : "",
        flag ? (flag.isFixedInSource ? "hl-flag-fixed" : `hl-flag hl-flag-${flag.status}`) : "",
        isPending ? "hl-pending" : "",
      ];
      return (
        <mark
          key={segment.start}
          className={classes.filter(Boolean).join(" ")}
          data-ids={segment.ids.join(" ")}
          data-correction={flag?.correctionText ?? undefined}
          // Repeated clicks on overlapping highlights step through their threads.
          onClick={() => onOpen(ids[(ids.indexOf(activeId ?? "") + 1) % ids.length])}
        >
          {words}
        </mark>
      );
    });

  return <EssayText text={text} blocks={blocks} renderBlock={renderBlock} titleId={titleId} />;
});
