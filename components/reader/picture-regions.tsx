"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PictureInfo } from "./picture-context";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { centredRegion, describeRegion, moveRegion, regionBounds, resizeRegion, type Region } from "@/lib/sources/regions";
import { PENDING_MARK_ID } from "./annotation-marks";
import type { RegionTool } from "./picture-annotator";
import "./picture.css";

export { PictureContext, type PictureInfo } from "./picture-context";

// Annotorious is loaded only on picture readings, after the page: the reader of essays never carries it.
const PictureAnnotator = dynamic(() => import("./picture-annotator"), {
  ssr: false,
  loading: () => null,
});

export type RegionAction = "highlight" | "comment" | "flag";

interface Props {
  picture: PictureInfo;
  /** Placed annotations; those with a region are drawn. */
  annotations: AnnotationDTO[];
  activeId: string | null;
  onOpen: (id: string) => void;
  /** The region being marked (drawn, or placed with the keyboard), until it is posted or dropped. */
  draft: Region | null;
  onDraft: (region: Region | null) => void;
  /** A composer is open for the draft: it stays marked, its buttons go. */
  isComposing: boolean;
  onAct: (action: RegionAction) => void;
  isBusy: boolean;
}

const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(3)}%`;
/** One arrow press moves or resizes the draft by this share of the picture. */
const STEP = 0.02;

/**
 * A picture reading: the picture with the class's regions (drawn by
 * Annotorious), tools to draw a rectangle or polygon with the mouse or a
 * finger, and a keyboard way: "New region" puts a box in the middle, which
 * the arrow keys move and Shift with the arrow keys resize, while a live line
 * says where it is; H, C or F (or the buttons) highlight it, comment on it or
 * flag an error in it. Each region also gets an invisible mark at its top
 * left, so the margin lines its thread up with it as with a passage of text.
 */
export function PictureRegions({ picture, annotations, activeId, onOpen, draft, onDraft, isComposing, onAct, isBusy }: Props) {
  const [tool, setTool] = useState<RegionTool>("rectangle");
  const draftRef = useRef<HTMLDivElement>(null);
  const regions = useMemo(() => annotations.filter((a) => a.region && !a.isDeleted), [annotations]);
  const size = { width: picture.width, height: picture.height };
  const description = draft ? describeRegion(draft, size) : "";
  // A new draft (placed or drawn) takes focus once it is on the page, so the arrow keys move it at once.
  const wantsFocus = useRef(false);
  useEffect(() => {
    if (!wantsFocus.current || !draft) return;
    wantsFocus.current = false;
    draftRef.current?.focus();
  }, [draft]);

  const onDrawn = useCallback(
    (region: Region) => {
      wantsFocus.current = true;
      onDraft(region);
    },
    [onDraft],
  );

  const onDraftKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (!draft) return;
    const stepX = picture.width * STEP;
    const stepY = picture.height * STEP;
    const delta: Record<string, [number, number]> = { ArrowLeft: [-stepX, 0], ArrowRight: [stepX, 0], ArrowUp: [0, -stepY], ArrowDown: [0, stepY] };
    const move = delta[event.key];
    if (move && !isComposing) {
      event.preventDefault();
      event.stopPropagation();
      onDraft(event.shiftKey ? resizeRegion(draft, move[0], move[1], size) : moveRegion(draft, move[0], move[1], size));
      return;
    }
    const key = event.key.toLowerCase();
    if (isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (key === "escape") {
      event.preventDefault();
      event.stopPropagation();
      onDraft(null);
    } else if (key === "h" || key === "c" || key === "f" || key === "enter") {
      event.preventDefault();
      event.stopPropagation();
      onAct(key === "h" ? "highlight" : key === "f" ? "flag" : "comment");
    }
  };

  const box = draft ? regionBounds(draft) : null;
  return (
    <figure className="picture-reading" aria-label="The picture and its regions">
      <div className="picture-tools" role="toolbar" aria-label="Mark a region">
        <span className="picture-tools-label" aria-hidden="true">Draw:</span>
        {(["rectangle", "polygon"] as const).map((name) => (
          <button key={name} type="button" className="button button-small" aria-pressed={tool === name} onClick={() => setTool(name)}>
            {name === "rectangle" ? "Rectangle" : "Polygon"}
          </button>
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            wantsFocus.current = true;
            onDraft(centredRegion(size));
          }}
          disabled={isComposing}
        >
          New region
        </button>
      </div>
      <div className="picture-stage" style={{ aspectRatio: `${picture.width} / ${picture.height}` }}>
        <PictureAnnotator src={picture.src} alt={picture.alt} regions={regions} activeId={activeId} tool={tool} onOpen={onOpen} onDrawn={onDrawn} />
        <div className="picture-overlay" aria-hidden="true">
          {regions.map((a) => {
            const b = regionBounds(a.region!);
            return <mark key={a.id} data-ids={a.id} className="region-mark" style={{ left: pct(b.x, picture.width), top: pct(b.y, picture.height) }} />;
          })}
          {/* The composer opens level with the region it is about, as with a passage's pending mark. */}
          {box && isComposing ? (
            <mark data-ids={PENDING_MARK_ID} className="region-mark" style={{ left: pct(box.x, picture.width), top: pct(box.y, picture.height) }} />
          ) : null}
        </div>
        {draft && box ? (
          <div
            ref={draftRef}
            className={`region-draft${isComposing ? " is-composing" : ""}`}
            style={{ left: pct(box.x, picture.width), top: pct(box.y, picture.height), width: pct(box.w, picture.width), height: pct(box.h, picture.height) }}
            tabIndex={0}
            role="img"
            aria-roledescription="new region"
            aria-label={`New region. ${description}.`}
            aria-describedby="region-keys"
            onKeyDown={onDraftKey}
          >
            {draft.type === "polygon" ? (
              <svg viewBox={`${box.x} ${box.y} ${Math.max(box.w, 1)} ${Math.max(box.h, 1)}`} preserveAspectRatio="none" aria-hidden="true">
                <polygon points={draft.points.map((p) => p.join(",")).join(" ")} vectorEffect="non-scaling-stroke" />
              </svg>
            ) : null}
          </div>
        ) : null}
      </div>
      <figcaption className="picture-caption">{picture.alt}</figcaption>
      <p id="region-keys" className="visually-hidden">
        Arrow keys move the region; Shift with the arrow keys makes it larger or smaller. Press H to highlight it, C or Enter to comment on it,
        F to flag an error in it, Escape to drop it.
      </p>
      {draft && !isComposing ? (
        <div className="region-actions" role="toolbar" aria-label="Annotate the region">
          <span className="region-where">{description}</span>
          {(
            [
              ["highlight", "Highlight", "H"],
              ["comment", "Comment", "C"],
              ["flag", "Flag", "F"],
            ] as const
          ).map(([action, label, key]) => (
            <button key={action} type="button" className="button button-small" onClick={() => onAct(action)} disabled={isBusy} aria-keyshortcuts={key.toLowerCase()}>
              {label} <kbd>{key}</kbd>
            </button>
          ))}
          <button type="button" className="button button-quiet button-small" onClick={() => onDraft(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {description}
      </p>
    </figure>
  );
}
