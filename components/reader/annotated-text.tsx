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
}

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
export const AnnotatedText = memo(function AnnotatedText({ text, blocks, annotations, activeId, titleId, onOpen }: Props) {
  const placed = annotations.filter((a) => a.span && !a.isDeleted);
  const spans = placed.map((a) => ({ id: a.id, start: a.span!.start, end: a.span!.end }));
  const mine = new Set(placed.filter((a) => a.isMine).map((a) => a.id));
  const byId = new Map(placed.map((a) => [a.id, a]));

  const renderBlock = (block: Block) =>
    segmentBlock(block.start, block.end, spans).map((segment) => {
      const words = text.slice(segment.start, segment.end);
      if (segment.ids.length === 0) return <span key={segment.start}>{words}</span>;
      const hasMine = segment.ids.some((id) => mine.has(id));
      const hasPeer = segment.ids.some((id) => !mine.has(id));
      const flag = describeFlagMark(segment.ids, segment.end, byId);
      const classes = [
        "hl",
        `hl-depth-${Math.min(segment.ids.length, 3)}`,
        hasMine ? "hl-mine" : "",
        hasPeer ? "hl-peer" : "",
        activeId && segment.ids.includes(activeId) ? "hl-active" : "",
        flag ? (flag.isFixedInSource ? "hl-flag-fixed" : `hl-flag hl-flag-${flag.status}`) : "",
      ];
      return (
        <mark
          key={segment.start}
          className={classes.filter(Boolean).join(" ")}
          data-ids={segment.ids.join(" ")}
          data-correction={flag?.correctionText ?? undefined}
          // Repeated clicks on overlapping highlights step through their threads.
          onClick={() => onOpen(segment.ids[(segment.ids.indexOf(activeId ?? "") + 1) % segment.ids.length])}
        >
          {words}
        </mark>
      );
    });

  return <EssayText text={text} blocks={blocks} renderBlock={renderBlock} titleId={titleId} />;
});
