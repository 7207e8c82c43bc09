"use client";

import { useStoredFlag } from "@/components/ui/use-stored-flag";
import type { Block } from "@/lib/content";
import { EssayText } from "./essay-text";
import { TEXT_VIEW_KEY } from "./reader-text";
import type { ReaderSource } from "./reader-source";
import { SourcePages } from "./source-pages";
import { SourceViewSwitch } from "./source-view-switch";

const NO_ANNOTATIONS: never[] = [];
const ignore = () => {};

/**
 * A reading made from a PDF or scan, read outside an assignment (no class
 * annotations): its pages, or the reflowed text, with the same switch and
 * remembered choice as the reader.
 */
export function SourcePreview({ text, blocks, titleId, source }: { text: string; blocks: Block[]; titleId?: string; source: ReaderSource }) {
  const [isTextView, setTextView] = useStoredFlag(TEXT_VIEW_KEY);
  return (
    <>
      <SourceViewSwitch showPages={!isTextView} onTextView={setTextView} />
      {isTextView ? (
        <EssayText text={text} blocks={blocks} titleId={titleId} />
      ) : (
        <SourcePages
          text={text}
          geometry={source.geometry}
          fileUrl={source.fileUrl}
          altText={source.altText}
          annotations={NO_ANNOTATIONS}
          activeId={null}
          onOpen={ignore}
        />
      )}
    </>
  );
}
