/** One line of the results table: our number beside its baseline. */
export interface FigureRow {
  /** Stable key for results.json, e.g. "reanchor.time". */
  id: string;
  /** What was measured, as the table shows it. */
  figure: string;
  unit: "ms" | "%" | "count" | "req/s" | "KB";
  value: number;
  baseline: number | null;
  /** What the baseline is, in a few words. */
  baselineLabel: string;
  target?: { text: string; isMet: boolean };
  /** Everything else worth keeping (samples, settings, breakdowns). */
  details?: Record<string, unknown>;
}

/** value / baseline, or null when there is no baseline to divide by. */
export function ratioOf(row: Pick<FigureRow, "value" | "baseline">): number | null {
  if (row.baseline === null || row.baseline === 0 || !Number.isFinite(row.baseline)) return null;
  return row.value / row.baseline;
}

/** Settings shared by every figure. */
export interface BenchSettings {
  isQuick: boolean;
  log: (line: string) => void;
}
