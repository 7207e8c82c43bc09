import { anchor, createTextIndex, describe, reanchorAll, type ReanchorItem, type ReanchorResult } from "@/lib/anchoring";
import { applyEdits, expectAfterEdits, generateEdits, pickAnnotationSpans, type Expectation, type TextEdit } from "./edit-workload";
import type { BenchSettings, FigureRow } from "./figure-row";
import { generateHistoryText } from "./history-text";
import { createRandom } from "./prng";
import { median, round } from "./stats";

/** Figure 1: re-anchoring 10,000 annotations across 50 edits of a 200 KB text, no server. */

const TEXT_CHARS = 200_000;
const ANNOTATIONS = 10_000;
const EDITS = 50;

interface Workload {
  oldText: string;
  newText: string;
  items: ReanchorItem[];
  expected: Expectation[];
  edits: TextEdit[];
}

function buildWorkload(seed: number): Workload {
  const { text, blocks } = generateHistoryText(seed, TEXT_CHARS);
  const r = createRandom(seed * 7919 + 1);
  const spans = pickAnnotationSpans(text, blocks, ANNOTATIONS, r);
  const edits = generateEdits(text, blocks, spans, EDITS, r);
  const index = createTextIndex(text);
  const items = spans.map((s, i) => {
    const { quote, position } = describe(text, s.start, s.end, { index });
    return { id: String(i), selectors: [quote, position] };
  });
  const newText = applyEdits(text, edits);
  const expected = spans.map((s) => expectAfterEdits(s, edits));
  // The oracle checks itself: an untouched quote must read the same at its expected place.
  expected.forEach((e, i) => {
    if (!e.isTouched && newText.slice(e.start, e.end) !== text.slice(spans[i].start, spans[i].end)) {
      throw new Error(`bench oracle is inconsistent for annotation ${i} (seed ${seed})`);
    }
  });
  return { oldText: text, newText, items, expected, edits };
}

/** Where an outcome put the annotation; null when it was not placed. */
type Placement = { start: number; end: number } | null;

interface Tally {
  total: number;
  touched: number;
  correct: number;
  wrong: number;
  /** Untouched but not placed, or touched and placed on the edited words themselves. */
  lost: number;
  orphaned: number;
  replaced: number;
  /** A few wrong placements, to read when the number is not 0. */
  examples: { quote: string; expected: Expectation; got: Placement }[];
}

function tally(w: Workload, placements: Placement[], statuses: string[]): Tally {
  const t: Tally = { total: placements.length, touched: 0, correct: 0, wrong: 0, lost: 0, orphaned: 0, replaced: 0, examples: [] };
  placements.forEach((got, i) => {
    const want = w.expected[i];
    if (statuses[i] === "orphan") t.orphaned++;
    if (statuses[i] === "replaced") t.replaced++;
    if (want.isTouched) t.touched++;
    let verdict: "correct" | "wrong" | "lost";
    if (!got) verdict = want.isTouched ? "correct" : "lost";
    else if (!want.isTouched) verdict = got.start === want.start && got.end === want.end ? "correct" : "wrong";
    else verdict = got.start <= want.end && want.start <= got.end ? "lost" : "wrong";
    t[verdict]++;
    if (verdict === "wrong" && t.examples.length < 5) {
      const quote = w.items[i].selectors.find((s) => s.type === "TextQuoteSelector");
      t.examples.push({ quote: quote && "exact" in quote ? quote.exact : "", expected: want, got });
    }
  });
  return t;
}

function placementOf(r: ReanchorResult): Placement {
  return r.status === "unchanged" || r.status === "moved" || r.status === "fuzzy" ? { start: r.anchored.start, end: r.anchored.end } : null;
}

function runDiffBased(w: Workload) {
  const start = performance.now();
  const results = reanchorAll(w.oldText, w.newText, w.items);
  const ms = performance.now() - start;
  return { ms, placements: results.map(placementOf), statuses: results.map((r) => r.status) };
}

/** The baseline: each annotation anchored on its own from its quote and position, no diff. */
function runAnchorOnly(w: Workload) {
  const start = performance.now();
  const index = createTextIndex(w.newText);
  const found = w.items.map((item) => anchor(w.newText, item.selectors, { index }));
  const ms = performance.now() - start;
  return {
    ms,
    placements: found.map((a) => (a ? { start: a.start, end: a.end } : null)),
    statuses: found.map((a) => (a ? a.method : "orphan")),
  };
}

function addTally(into: Tally, t: Tally) {
  for (const k of ["total", "touched", "correct", "wrong", "lost", "orphaned", "replaced"] as const) into[k] += t[k];
  into.examples.push(...t.examples.slice(0, Math.max(0, 5 - into.examples.length)));
}

const pct = (n: number, of: number) => round((100 * n) / of, 3);

/** Rows: total time (target ≤ 1 s), share placed as the oracle says (≥ 99 %), wrong placements (0), orphans. */
export function runReanchorFigure(settings: BenchSettings): FigureRow[] {
  // Quick: one workload, timed 3 times. Full: 5 workloads (seeds), each timed 3 times.
  const seeds = settings.isQuick ? [1] : [1, 2, 3, 4, 5];
  const reps = 3;
  const ours = { ms: [] as number[], tally: emptyTally() };
  const base = { ms: [] as number[], tally: emptyTally() };
  let editKinds: Record<string, number> = {};
  for (const seed of seeds) {
    const w = buildWorkload(seed);
    editKinds = w.edits.reduce((acc, e) => ({ ...acc, [e.kind]: (acc[e.kind] ?? 0) + 1 }), editKinds);
    for (let i = 0; i < reps; i++) {
      const d = runDiffBased(w);
      ours.ms.push(d.ms);
      if (i === 0) addTally(ours.tally, tally(w, d.placements, d.statuses));
      const b = runAnchorOnly(w);
      base.ms.push(b.ms);
      if (i === 0) addTally(base.tally, tally(w, b.placements, b.statuses));
    }
    const last = (xs: number[]) => round(median(xs.slice(-reps)));
    settings.log(`  re-anchor seed ${seed}: ${last(ours.ms)} ms (anchor-only ${last(base.ms)} ms), ${w.edits.length} edits`);
  }
  const o = ours.tally;
  const b = base.tally;
  const setting = { seeds, reps, textChars: TEXT_CHARS, annotations: ANNOTATIONS, edits: EDITS, editKinds };
  const baselineLabel = "anchor() per annotation, no diff";
  return [
    {
      id: "reanchor.time",
      figure: "Re-anchor 10k annotations, 50 edits, 200 KB (total time)",
      unit: "ms",
      value: round(median(ours.ms)),
      baseline: round(median(base.ms)),
      baselineLabel,
      target: { text: "≤ 1000 ms", isMet: median(ours.ms) <= 1000 },
      details: { ...setting, samplesMs: ours.ms.map((x) => round(x)), baselineSamplesMs: base.ms.map((x) => round(x)) },
    },
    {
      id: "reanchor.correct",
      figure: "Re-anchor: placed as the oracle says",
      unit: "%",
      value: pct(o.correct, o.total),
      baseline: pct(b.correct, b.total),
      baselineLabel,
      target: { text: "≥ 99 %", isMet: o.correct / o.total >= 0.99 },
      details: { ours: withoutExamples(o), baseline: withoutExamples(b) },
    },
    {
      id: "reanchor.wrong",
      figure: "Re-anchor: placed wrongly",
      unit: "count",
      value: o.wrong,
      baseline: b.wrong,
      baselineLabel,
      target: { text: "0", isMet: o.wrong === 0 },
      details: { oursExamples: o.examples, baselineExamples: b.examples },
    },
    {
      id: "reanchor.orphaned",
      figure: "Re-anchor: orphaned",
      unit: "%",
      value: pct(o.orphaned, o.total),
      baseline: pct(b.orphaned, b.total),
      baselineLabel,
      details: { touchedShare: pct(o.touched, o.total), replacedShare: pct(o.replaced, o.total), lostShare: pct(o.lost, o.total) },
    },
  ];
}

function emptyTally(): Tally {
  return { total: 0, touched: 0, correct: 0, wrong: 0, lost: 0, orphaned: 0, replaced: 0, examples: [] };
}

function withoutExamples({ examples: _examples, ...rest }: Tally) {
  return rest;
}
