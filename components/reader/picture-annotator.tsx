"use client";

import { useEffect } from "react";
import { Annotorious, ImageAnnotator, useAnnotator } from "@annotorious/react";
import type { ImageAnnotation, ImageAnnotator as Annotator } from "@annotorious/annotorious";
import "@annotorious/react/annotorious-react.css";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { regionBounds, type Region } from "@/lib/sources/regions";

export type RegionTool = "rectangle" | "polygon";

interface Props {
  src: string;
  alt: string;
  regions: AnnotationDTO[];
  activeId: string | null;
  tool: RegionTool;
  onOpen: (id: string) => void;
  /** A shape the reader drew with the mouse or a finger: it becomes the draft region. */
  onDrawn: (region: Region) => void;
}

/** Our region as Annotorious's shape (RECTANGLE or POLYGON, in the picture's pixels). */
function toShape(region: Region) {
  const b = regionBounds(region);
  const bounds = { minX: b.x, minY: b.y, maxX: b.x + b.w, maxY: b.y + b.h };
  return region.type === "rect"
    ? { type: "RECTANGLE", geometry: { x: region.x, y: region.y, w: region.w, h: region.h, bounds } }
    : { type: "POLYGON", geometry: { points: region.points, bounds } };
}

/** Annotorious's shape as our region, or null for a shape we do not store (an ellipse, a line). */
function fromShape(selector: { type: string; geometry: Record<string, unknown> }): Region | null {
  const g = selector.geometry;
  if (selector.type === "RECTANGLE") return { type: "rect", x: Number(g.x), y: Number(g.y), w: Number(g.w), h: Number(g.h) };
  if (selector.type === "POLYGON" && Array.isArray(g.points)) {
    return { type: "polygon", points: (g.points as number[][]).map(([x, y]) => [Number(x), Number(y)] as [number, number]) };
  }
  return null;
}

/**
 * The picture with the class's regions drawn on it by Annotorious
 * (@annotorious/react), which also draws a new rectangle or polygon under the
 * mouse or a finger. Annotorious only draws: a drawn shape is handed over as a
 * draft at once and removed from its store, and the regions it shows are
 * always the reader's list (each click opens that region's thread).
 */
export default function PictureAnnotator(props: Props) {
  return (
    <Annotorious>
      <ImageAnnotator tool={props.tool} drawingEnabled drawingMode="drag" userSelectAction={"NONE" as never} containerClassName="picture-annotator">
        <img src={props.src} alt={props.alt} className="picture-image" draggable={false} />
      </ImageAnnotator>
      <Sync {...props} />
    </Annotorious>
  );
}

function Sync({ regions, activeId, onOpen, onDrawn, tool }: Props) {
  const anno = useAnnotator<Annotator | undefined>();

  useEffect(() => {
    if (!anno) return;
    anno.setAnnotations(
      regions.map((a) => ({ id: a.id, bodies: [], properties: { kind: a.kind, isMine: a.isMine }, target: { annotation: a.id, selector: toShape(a.region!) } }) as unknown as ImageAnnotation),
      true,
    );
  }, [anno, regions]);

  useEffect(() => {
    if (!anno) return;
    anno.setStyle((a: ImageAnnotation) => {
      const kind = a.properties?.kind as string | undefined;
      const colour = kind === "flag" ? "#b3261e" : a.properties?.isMine ? "#a16207" : "#1d4ed8";
      const isActive = a.id === activeId;
      return { fill: colour, fillOpacity: isActive ? 0.3 : 0.12, stroke: colour, strokeOpacity: 1, strokeWidth: isActive ? 4 : 2 };
    });
  }, [anno, activeId]);

  useEffect(() => {
    if (!anno) return;
    anno.setDrawingTool(tool);
  }, [anno, tool]);

  useEffect(() => {
    if (!anno) return;
    const onCreate = (created: ImageAnnotation) => {
      const region = fromShape(created.target.selector as unknown as { type: string; geometry: Record<string, unknown> });
      anno.removeAnnotation(created.id);
      if (region) onDrawn(region);
    };
    const onClick = (clicked: ImageAnnotation) => onOpen(clicked.id);
    anno.on("createAnnotation", onCreate);
    anno.on("clickAnnotation", onClick);
    return () => {
      anno.off("createAnnotation", onCreate);
      anno.off("clickAnnotation", onClick);
    };
  }, [anno, onDrawn, onOpen]);

  return null;
}
