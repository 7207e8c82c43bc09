"use client";

import { useMemo } from "react";
import type { PictureInfo } from "@/components/reader/picture-context";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { heatLevel, studentCountText, type HeatFilter } from "@/lib/review/heatmap";
import { readerHref } from "@/lib/review/reader-href";
import { regionSpots } from "@/lib/review/region-heat";
import { describeRegion } from "@/lib/sources/regions";

interface Props {
  picture: PictureInfo;
  annotations: readonly AnnotationDTO[];
  filter: HeatFilter;
  verb: string;
  assignment: { id: string; essaySlug: string };
}

const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(3)}%`;

/**
 * The heatmap of a picture reading: the picture with a box over each spot the
 * students marked (regions covering mostly the same part count together),
 * coloured by how many students marked it and labelled with that number; and
 * the same spots as a list, most marked first, each opening in the reader.
 */
export function RegionHeatmap({ picture, annotations, filter, verb, assignment }: Props) {
  const spots = useMemo(() => regionSpots(annotations, filter), [annotations, filter]);
  const size = { width: picture.width, height: picture.height };
  const label = (s: (typeof spots)[number]) =>
    `${studentCountText(s.count)} ${verb} ${describeRegion(s.regions[0], size).replace(/^(Rectangle|Polygon of \d+ corners), /, "the region ")}: ${s.students.map((p) => `${p.name} (${p.kinds.join(", ")})`).join(", ")}`;
  return (
    <div className="region-heatmap">
      <p role="status" className="heatmap-summary">
        {spots.length === 0
          ? `No student has ${verb} a region of the picture yet.`
          : `${spots.length} ${spots.length === 1 ? "spot" : "spots"} of the picture ${verb}; the most marked by ${studentCountText(spots[0].count)}.`}
      </p>
      <div className="region-heat-stage" style={{ aspectRatio: `${picture.width} / ${picture.height}` }}>
        <img src={picture.src} alt={picture.alt} />
        {spots.map((s, i) => (
          <a
            key={s.annotationIds[0]}
            href={readerHref(assignment, s.annotationIds[0])}
            className={`region-spot heat-${heatLevel(s.count)}`}
            style={{ left: pct(s.box.x, picture.width), top: pct(s.box.y, picture.height), width: pct(s.box.w, picture.width), height: pct(s.box.h, picture.height) }}
            aria-label={`Spot ${i + 1}: ${label(s)}. Open in the reader.`}
            title={label(s)}
          >
            <span className="region-spot-count">{s.count}</span>
          </a>
        ))}
      </div>
      {spots.length > 0 ? (
        <ol className="region-heat-list">
          {spots.map((s) => (
            <li key={s.annotationIds[0]}>{label(s)}</li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
