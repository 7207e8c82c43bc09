"use client";

import { useContext } from "react";
import { PictureContext } from "@/components/reader/picture-context";
import { describeRegion, regionBounds, type Region } from "@/lib/sources/regions";
import "@/components/reader/picture.css";

/**
 * The region of a picture an annotation is about, in place of a quoted
 * passage: a small copy of the picture with the region outlined, and where it
 * is in words. Outside the reader (no picture known) it names the region's
 * box in pixels.
 */
export function RegionPassage({ region }: { region: Region }) {
  const picture = useContext(PictureContext);
  if (!picture) {
    const b = regionBounds(region);
    return <p className="annotation-region">Region of the picture at {Math.round(b.x)}, {Math.round(b.y)} ({Math.round(b.w)} × {Math.round(b.h)} pixels)</p>;
  }
  return (
    <div className="annotation-region">
      <span className="region-thumb" style={{ aspectRatio: `${picture.width} / ${picture.height}` }} aria-hidden="true">
        <img src={picture.src} alt="" />
        <svg viewBox={`0 0 ${picture.width} ${picture.height}`} preserveAspectRatio="none">
          {region.type === "rect" ? (
            <rect x={region.x} y={region.y} width={region.w} height={region.h} vectorEffect="non-scaling-stroke" />
          ) : (
            <polygon points={region.points.map((p) => p.join(",")).join(" ")} vectorEffect="non-scaling-stroke" />
          )}
        </svg>
      </span>
      <span>{describeRegion(region, picture)}</span>
    </div>
  );
}

/** A region's short name for a collapsed card's first words. */
export const REGION_SUMMARY = "A region of the picture";
