"use client";

import { useMemo } from "react";
import { useStoredFlag } from "@/components/ui/use-stored-flag";
import type { AnnotationDTO } from "@/lib/annotations/types";
import type { Block } from "@/lib/content";
import { isLowConfidence } from "@/lib/sources";
import { AnnotatedText } from "./annotated-text";
import type { Region } from "@/lib/sources/regions";
import { PictureRegions, type PictureInfo, type RegionAction } from "./picture-regions";
import type { ReaderSource } from "./reader-source";
import { SourcePages } from "./source-pages";
import { SourceViewSwitch } from "./source-view-switch";

/** Where this browser remembers reading a PDF or scan as reflowed text rather than as its pages. */
export const TEXT_VIEW_KEY = "marginalia.reader.textView";

interface Props {
  text: string;
  blocks: Block[];
  titleId?: string;
  source?: ReaderSource;
  annotations: AnnotationDTO[];
  activeId: string | null;
  onOpen: (id: string) => void;
  /** The passage being written on, marked while the composer is open. */
  pending: { start: number; end: number } | null;
  /** A picture reading: the picture and its regions, and the region being marked. */
  picture?: {
    info: PictureInfo;
    draft: Region | null;
    setDraft: (region: Region | null) => void;
    act: (action: RegionAction) => void;
    isBusy: boolean;
    isComposing: boolean;
  };
}

/**
 * The reading with its highlights: an essay's marked text, or for a reading
 * made from a file its pages (or, by the remembered switch, the reflowed text
 * with the OCR's unsure words marked).
 */
export function ReaderText({ text, blocks, titleId, source, annotations, activeId, onOpen, pending, picture }: Props) {
  const [isTextView, setTextView] = useStoredFlag(TEXT_VIEW_KEY);
  const showPages = Boolean(source) && !isTextView;
  const unsure = useMemo(() => source?.geometry.runs.filter(isLowConfidence).map((r) => ({ start: r.s, end: r.e })), [source]);
  if (picture) {
    return (
      <PictureRegions
        picture={picture.info}
        annotations={annotations}
        activeId={activeId}
        onOpen={onOpen}
        draft={picture.draft}
        onDraft={picture.setDraft}
        isComposing={picture.isComposing}
        onAct={picture.act}
        isBusy={picture.isBusy}
      />
    );
  }
  return (
    <>
      {source ? <SourceViewSwitch showPages={showPages} onTextView={setTextView} /> : null}
      {source && showPages ? (
        <SourcePages
          text={text}
          geometry={source.geometry}
          fileUrl={source.fileUrl}
          altText={source.altText}
          annotations={annotations}
          activeId={activeId}
          onOpen={onOpen}
          pending={pending}
        />
      ) : (
        <AnnotatedText
          text={text}
          blocks={blocks}
          annotations={annotations}
          activeId={activeId}
          titleId={titleId}
          onOpen={onOpen}
          pending={pending}
          unsure={unsure}
        />
      )}
    </>
  );
}
