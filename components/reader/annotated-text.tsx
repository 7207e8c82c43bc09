"use client";

import { memo } from "react";
import type { AnnotationDTO } from "@/lib/annotations/types";
import type { Block } from "@/lib/content";
import { useHighlightCodes } from "@/components/annotations/highlight-codes-context";
import { createMarkContext, renderMarks } from "./annotation-marks";
import { EssayText } from "./essay-text";

export { PENDING_MARK_ID } from "./annotation-marks";

interface Props {
  text: string;
  blocks: Block[];
  annotations: AnnotationDTO[];
  activeId: string | null;
  titleId?: string;
  onOpen: (id: string) => void;
  /** The passage a comment or flag is being written on: stays marked while the composer is open. */
  pending?: { start: number; end: number } | null;
  /** Words an OCR transcription was unsure of (a scan's text view). */
  unsure?: readonly { start: number; end: number }[];
}

/** The essay with highlights drawn in (see renderMarks for how). */
export const AnnotatedText = memo(function AnnotatedText({ text, blocks, annotations, activeId, titleId, onOpen, pending, unsure }: Props) {
  const codes = useHighlightCodes().byId;
  const ctx = createMarkContext(text, annotations, { activeId, onOpen, pending, unsure, codes });
  return <EssayText text={text} blocks={blocks} renderBlock={(block) => renderMarks(ctx, block.start, block.end)} titleId={titleId} />;
});
