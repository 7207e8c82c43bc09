import type { Block } from "@/lib/content";
import { heatLevel, studentCountText, type HeatRun } from "@/lib/review/heatmap";

/** Props for HeatmapText. */
export interface HeatmapTextProps {
  text: string;
  blocks: readonly Block[];
  runs: readonly HeatRun[];
  activeIndex: number | null;
  /** The reader link a run opens (its first annotation's thread). */
  hrefFor: (run: HeatRun) => string;
  /** id of the hidden element naming a run's students, for aria-describedby. */
  descriptionId: (index: number) => string;
  onActivate: (index: number) => void;
}

/**
 * The essay as a heat map. Blocks are plain paragraphs here (headings are
 * only styled), so the essay's own headings do not enter the dashboard's
 * outline. Every marked run is a link into the reader: links are focusable
 * in text order and Enter follows them, which is the keyboard path, and a
 * middle-click opens a new tab as people expect.
 */
export function HeatmapText({ text, blocks, runs, activeIndex, hrefFor, descriptionId, onActivate }: HeatmapTextProps) {
  return (
    <div className="heatmap-text">
      {blocks.map((block, blockIndex) => (
        <p key={blockIndex} className={`heatmap-block-${block.type}`}>
          {runs.map((run, index) => {
            const start = Math.max(run.start, block.start);
            const end = Math.min(run.end, block.end);
            if (end <= start) return null;
            const words = text.slice(start, end);
            if (run.count === 0) return <span key={start}>{words}</span>;
            const level = heatLevel(run.count);
            return (
              <a
                key={start}
                href={hrefFor(run)}
                className={`heat-run heat-${level}${index === activeIndex ? " is-active" : ""}`}
                data-count={run.count}
                data-level={level}
                aria-describedby={descriptionId(index)}
                title={studentCountText(run.count)}
                onMouseEnter={() => onActivate(index)}
                onFocus={() => onActivate(index)}
              >
                {words}
              </a>
            );
          })}
        </p>
      ))}
    </div>
  );
}
