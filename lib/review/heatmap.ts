import type { AnnotationDTO, AnnotationKind } from "@/lib/annotations/types";

/**
 * The passage heatmap: how many distinct students marked each part of the
 * text. Offsets are UTF-16 units on the current revision (the DTOs' `span`),
 * so runs slice the text directly.
 */

/** Which annotations the heatmap counts: all of them, or one kind. */
export type HeatFilter = "all" | AnnotationKind;

/** One student's mark on the text. */
export interface HeatSpan {
  annotationId: string;
  kind: AnnotationKind;
  /** The highlight code it carries, if any. */
  codeId: string | null;
  start: number;
  end: number;
  student: { id: string; name: string };
}

/** A student in a run, with the kinds of mark they made there. */
export interface HeatStudent {
  id: string;
  name: string;
  kinds: AnnotationKind[];
}

/**
 * A stretch of text covered by the same set of annotations. `count` is the
 * number of distinct students; `counts` the same per kind (a student who both
 * highlighted and flagged counts once in `count`, once in each kind).
 */
export interface HeatRun {
  start: number;
  end: number;
  count: number;
  counts: Record<AnnotationKind, number>;
  /** Sorted by name, then id, so the list reads the same every time. */
  students: HeatStudent[];
  /** In the order the spans were given (the reader's text order). */
  annotationIds: string[];
}

/** A block of the essay, as stored with each revision (UTF-16 offsets). */
export interface HeatBlock {
  start: number;
  end: number;
}

const KINDS: readonly AnnotationKind[] = ["highlight", "comment", "flag"];

/**
 * The students' marks the heatmap counts. Teachers' own annotations are left
 * out (the question is what the class noticed), imported ones (no student made
 * them here, whatever the file says), and so are deleted ones (the
 * student took the mark back) and ones that could not be placed on the
 * current text. Hidden annotations stay: a teacher hiding a comment does not
 * undo the student having noticed the passage.
 */
export function heatSpansFrom(annotations: readonly AnnotationDTO[]): HeatSpan[] {
  return annotations.flatMap((a) =>
    a.span && !a.isDeleted && !a.author.isTeacher && !a.imported && a.span.end > a.span.start
      ? [{ annotationId: a.id, kind: a.kind, codeId: a.codeId ?? null, start: a.span.start, end: a.span.end, student: { id: a.author.id, name: a.author.name } }]
      : [],
  );
}

/** The spans of one kind (or all of them), and of one highlight code when `codeId` is given. */
export function filterHeatSpans(spans: readonly HeatSpan[], filter: HeatFilter, codeId: string | null = null): HeatSpan[] {
  return spans.filter((s) => (filter === "all" || s.kind === filter) && (codeId === null || s.codeId === codeId));
}

/**
 * Cuts `[0, textLength)` at every span boundary and reports, for each piece,
 * who covers it. Pieces nobody covers are included (count 0), so the runs
 * tile the whole text and the view can render it from them alone. Spans are
 * clamped to the text; empty ones are ignored.
 */
export function buildHeatRuns(textLength: number, spans: readonly HeatSpan[]): HeatRun[] {
  const clamp = (n: number) => Math.max(0, Math.min(textLength, n));
  const placed = spans
    .map((s, order) => ({ ...s, start: clamp(s.start), end: clamp(s.end), order }))
    .filter((s) => s.end > s.start);
  const cuts = [...new Set([0, textLength, ...placed.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);

  const runs: HeatRun[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i];
    const end = cuts[i + 1];
    // A piece lies wholly inside or outside every span, since every boundary is a cut.
    const covering = placed.filter((s) => s.start <= start && s.end >= end).sort((a, b) => a.order - b.order);
    runs.push(toRun(start, end, covering));
  }
  return runs;
}

function toRun(start: number, end: number, covering: readonly HeatSpan[]): HeatRun {
  const byStudent = new Map<string, HeatStudent>();
  for (const span of covering) {
    const student = byStudent.get(span.student.id) ?? { ...span.student, kinds: [] };
    if (!student.kinds.includes(span.kind)) student.kinds.push(span.kind);
    byStudent.set(span.student.id, student);
  }
  const students = [...byStudent.values()]
    .map((s) => ({ ...s, kinds: KINDS.filter((k) => s.kinds.includes(k)) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const counts = Object.fromEntries(KINDS.map((k) => [k, students.filter((s) => s.kinds.includes(k)).length])) as Record<
    AnnotationKind,
    number
  >;
  return { start, end, count: students.length, counts, students, annotationIds: covering.map((s) => s.annotationId) };
}

/**
 * Indexes of the blocks no run with students touches: what nobody noticed.
 * Empty blocks are left out, since there is nothing in them to notice.
 */
export function untouchedBlocks(blocks: readonly HeatBlock[], runs: readonly HeatRun[]): number[] {
  const hot = runs.filter((r) => r.count > 0);
  return blocks.flatMap((block, index) =>
    block.end > block.start && !hot.some((r) => r.start < block.end && block.start < r.end) ? [index] : [],
  );
}

/** The hottest count among the runs (0 for an untouched text). */
export function maxHeat(runs: readonly HeatRun[]): number {
  return runs.reduce((max, r) => Math.max(max, r.count), 0);
}

/** The legend's steps: 0, 1, 2, 3–4 and 5+ students. */
export const HEAT_LEVELS = [
  { level: 0, label: "0", min: 0 },
  { level: 1, label: "1", min: 1 },
  { level: 2, label: "2", min: 2 },
  { level: 3, label: "3–4", min: 3 },
  { level: 4, label: "5+", min: 5 },
] as const;

/** 0–4: the legend step a student count falls in. */
export type HeatLevel = (typeof HEAT_LEVELS)[number]["level"];

/** The legend step for `count` students. */
export function heatLevel(count: number): HeatLevel {
  let level: HeatLevel = 0;
  for (const step of HEAT_LEVELS) if (count >= step.min) level = step.level;
  return level;
}

/** "1 student", "3 students". */
export function studentCountText(count: number): string {
  return `${count} ${count === 1 ? "student" : "students"}`;
}

/** "3 students: Ana Petrova (highlight, flag), Ben Hughes (comment)", for descriptions and the side panel. */
export function describeRun(run: HeatRun): string {
  if (run.count === 0) return "No student marked this passage.";
  const who = run.students.map((s) => `${s.name} (${s.kinds.join(", ")})`).join(", ");
  return `${studentCountText(run.count)}: ${who}`;
}
