"use client";

import { useId, useMemo, useState } from "react";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { describeCode, type HighlightCodeDTO } from "@/lib/annotations/highlight-codes";
import { CodeSwatch } from "@/components/annotations/code-swatch";
import type { Block } from "@/lib/content";
import { truncateText } from "@/lib/format/truncate-text";
import {
  buildHeatRuns,
  describeRun,
  filterHeatSpans,
  HEAT_LEVELS,
  heatSpansFrom,
  maxHeat,
  studentCountText,
  untouchedBlocks,
  type HeatFilter,
  type HeatRun,
} from "@/lib/review/heatmap";
import { readerHref } from "@/lib/review/reader-href";
import { HeatmapText } from "./heatmap-text";
import { RegionHeatmap } from "./region-heatmap";
import type { PictureInfo } from "@/components/reader/picture-context";
import { HeatmapWho } from "./heatmap-who";
import "./heatmap.css";

/** Props for HeatmapPanel. */
export interface HeatmapPanelProps {
  text: string;
  blocks: readonly Block[];
  annotations: readonly AnnotationDTO[];
  assignment: { id: string; essaySlug: string };
  /** The class's highlight codes: the heatmap can count one code's marks only. */
  codes?: readonly HighlightCodeDTO[];
  /** A picture reading: the heatmap is of its regions (its text is only its description). */
  picture?: PictureInfo | null;
}

const FILTERS: readonly { value: HeatFilter; label: string; verb: string }[] = [
  { value: "all", label: "All marks", verb: "marked" },
  { value: "highlight", label: "Highlights", verb: "highlighted" },
  { value: "comment", label: "Comments", verb: "commented on" },
  { value: "flag", label: "Flags", verb: "flagged" },
];

const BLOCK_CHARS = 140;

/**
 * What the class noticed and what nobody did: the essay coloured by how many
 * distinct students marked each passage (all marks, or one kind), a legend
 * in numbers as well as colours, who marked the passage in focus, and the
 * blocks nobody touched.
 */
export function HeatmapPanel({ text, blocks, annotations, assignment, codes = [], picture = null }: HeatmapPanelProps) {
  const id = useId();
  const [filter, setFilter] = useState<HeatFilter>("all");
  const [codeId, setCodeId] = useState<string | null>(null);
  const code = codes.find((c) => c.id === codeId) ?? null;
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const spans = useMemo(() => heatSpansFrom(annotations), [annotations]);
  const runs = useMemo(() => buildHeatRuns(text.length, filterHeatSpans(spans, filter, code?.id ?? null)), [text.length, spans, filter, code]);
  const untouched = useMemo(() => untouchedBlocks(blocks, runs), [blocks, runs]);
  const hottest = maxHeat(runs);
  const kindVerb = FILTERS.find((f) => f.value === filter)?.verb ?? "marked";
  const verb = code ? `${kindVerb} as ${code.label}` : kindVerb;
  const active = activeIndex === null ? null : (runs[activeIndex] ?? null);
  const hrefFor = (run: HeatRun) => readerHref(assignment, run.annotationIds[0]);
  const descriptionId = (index: number) => `${id}-run-${index}`;

  function choose(next: HeatFilter, nextCode = codeId) {
    setFilter(next);
    setCodeId(nextCode);
    // Runs are rebuilt for the new kind, so an index into the old ones would point at the wrong words.
    setActiveIndex(null);
  }

  return (
    <div className="heatmap">
      <div className="heatmap-controls">
        <div className="heatmap-kinds" role="group" aria-label="Which marks to count">
          {FILTERS.map((f) => (
            <button
              key={f.value}
              type="button"
              className="button button-small"
              aria-pressed={filter === f.value}
              onClick={() => choose(f.value)}
            >
              {f.label}
            </button>
          ))}
        </div>
        {codes.length > 0 ? (
          <label className="heatmap-code">
            <span>Code</span>
            {code ? <CodeSwatch code={code} /> : null}
            <select value={code?.id ?? ""} onChange={(e) => choose(filter, e.target.value || null)}>
              <option value="">Any code or none</option>
              {codes.map((c) => (
                <option key={c.id} value={c.id}>
                  {describeCode(c)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="heatmap-legend">
          <span id={`${id}-legend`}>{picture ? "Students per spot:" : "Students per passage:"}</span>
          <ul aria-labelledby={`${id}-legend`}>
            {HEAT_LEVELS.map((l) => (
              <li key={l.level}>
                <span className={`heat-swatch heat-${l.level}`}>{l.label}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {picture ? (
        <RegionHeatmap picture={picture} annotations={annotations} filter={filter} verb={verb} assignment={assignment} />
      ) : (
        <>
          <p className="muted heatmap-hint">
            Keyboard: Tab moves through the marked passages in reading order, and Enter opens the one in focus in the reader.
            Pointing at or focusing a passage shows who marked it. <a href="#heatmap-after">Skip past the text</a>
          </p>
          <p role="status" className="heatmap-summary">
            {hottest === 0
              ? `No student has ${verb} any passage yet.`
              : `Hottest passage: ${studentCountText(hottest)}. ${blocks.length - untouched.length} of ${blocks.length} blocks ${verb}.`}
          </p>
          <div className="heatmap-body">
            <HeatmapText
              text={text}
              blocks={blocks}
              runs={runs}
              activeIndex={activeIndex}
              hrefFor={hrefFor}
              descriptionId={descriptionId}
              onActivate={setActiveIndex}
            />
            <HeatmapWho run={active} text={text} href={active ? hrefFor(active) : null} titleId={`${id}-who`} />
          </div>
          <div hidden>
            {runs.map((run, index) =>
              run.count > 0 ? (
                <span key={index} id={descriptionId(index)}>
                  {describeRun(run)}
                </span>
              ) : null,
            )}
          </div>
          <h3 id="heatmap-after" tabIndex={-1}>
            Blocks no student {verb}
          </h3>
          {untouched.length === 0 ? (
            <p className="muted">Every block has been {verb} by at least one student.</p>
          ) : (
            <ol className="heatmap-untouched" aria-labelledby="heatmap-after">
              {untouched.map((index) => (
                <li key={index} value={index + 1}>
                  {truncateText(text.slice(blocks[index].start, blocks[index].end), BLOCK_CHARS)}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
