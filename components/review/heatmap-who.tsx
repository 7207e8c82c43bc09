import { kindLabel } from "@/lib/format/annotation-labels";
import { truncateText } from "@/lib/format/truncate-text";
import { studentCountText, type HeatRun } from "@/lib/review/heatmap";

/** Props for HeatmapWho. */
export interface HeatmapWhoProps {
  /** The run last pointed at or focused; null before any. */
  run: HeatRun | null;
  text: string;
  href: string | null;
  titleId: string;
}

const QUOTE_CHARS = 80;

/**
 * The side panel beside the heat map: who marked the passage last pointed
 * at or focused, and how, with a link to its threads in the reader. It keeps
 * showing that passage after the pointer leaves, so the link can be reached.
 * Not a live region: screen readers get the same names from each run's
 * aria-describedby as they reach it, and would otherwise hear them twice.
 */
export function HeatmapWho({ run, text, href, titleId }: HeatmapWhoProps) {
  return (
    <div className="heatmap-who" aria-labelledby={titleId} role="group">
      <h3 id={titleId}>Who marked it</h3>
      {run === null || href === null ? (
        <p className="muted">Point at or tab to a marked passage to see who marked it.</p>
      ) : (
        <>
          <p>
            <q>{truncateText(text.slice(run.start, run.end), QUOTE_CHARS)}</q>
          </p>
          <p>
            <strong>{studentCountText(run.count)}</strong>
          </p>
          <ul aria-label="Students who marked this passage">
            {run.students.map((s) => (
              <li key={s.id}>
                {s.name} <span className="muted">({s.kinds.map((k) => kindLabel(k).toLowerCase()).join(", ")})</span>
              </li>
            ))}
          </ul>
          <p>
            <a href={href}>Open the threads in the reader</a>
          </p>
        </>
      )}
    </div>
  );
}
