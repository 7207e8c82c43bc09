import { COMPLETION_LABELS, type CompletionStatus } from "@/lib/annotations/completion";
import { writeCsv, type CsvCell } from "./csv";
import type { StudentRefDTO, StudentScoreDTO } from "./types";

/** One student's work on an assignment, as the teacher's table shows it. */
export interface StudentRowDTO {
  student: StudentRefDTO & { email: string };
  highlights: number;
  comments: number;
  replies: number;
  flags: number;
  /** Flags the teacher verified (their own, or merged into a verified one). */
  verifiedFlags: number;
  /** Answer-key entries found, found in another category, and missed (see the key report). */
  keyFound: number;
  keyPartial: number;
  keyMissed: number;
  completion: CompletionStatus;
  /** ISO timestamps of the first and last thing the student wrote; null when nothing yet. */
  firstActivityAt: string | null;
  lastActivityAt: string | null;
  /** The reader showing this student's annotations alone. */
  href: string;
  /** Marks carrying each of the class's highlight codes, by code id (codes with none are left out). */
  codeCounts: Record<string, number>;
}

/** The per-student table of an assignment. */
export interface StudentTableDTO {
  assignmentId: string;
  className: string;
  essaySlug: string;
  minimums: { highlights: number; comments: number; flags: number };
  dueAt: string;
  /** The class's highlight codes in key order: the CSV has a count column for each. */
  codes: { id: string; label: string }[];
  rows: StudentRowDTO[];
}

/**
 * The columns a teacher can sort by, in the table's order. `label` is the
 * column's full name (its header's accessible name, the CSV's header);
 * `short` is what the header shows under its `group`, so twelve columns fit
 * a 1,366 px screen ("Found" under "Answer key" reads "Key found").
 */
export const STUDENT_COLUMNS = [
  { key: "name", label: "Student", short: "Student", group: null },
  { key: "highlights", label: "Highlights", short: "Highlights", group: "Work" },
  { key: "comments", label: "Comments", short: "Comments", group: "Work" },
  { key: "replies", label: "Replies", short: "Replies", group: "Work" },
  { key: "flags", label: "Flags", short: "Flags", group: "Work" },
  { key: "verifiedFlags", label: "Verified flags", short: "Verified", group: "Work" },
  { key: "keyFound", label: "Key found", short: "Found", group: "Answer key" },
  { key: "keyPartial", label: "Key partial", short: "Partial", group: "Answer key" },
  { key: "keyMissed", label: "Key missed", short: "Missed", group: "Answer key" },
  { key: "completion", label: "Completion", short: "Completion", group: null },
  { key: "firstActivityAt", label: "First activity", short: "First", group: "Activity" },
  { key: "lastActivityAt", label: "Last activity", short: "Last", group: "Activity" },
] as const;

/** One cell of the table's top header row: a group over `span` columns, or a column of its own (`column`) spanning both rows. */
export type HeaderCell = { group: string; span: number } | { column: (typeof STUDENT_COLUMNS)[number] };

/** The top header row: runs of columns in the same group become one group cell; ungrouped columns stand alone. */
export function headerGroups(): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (const column of STUDENT_COLUMNS) {
    const last = cells.at(-1);
    if (column.group === null) cells.push({ column });
    else if (last && "group" in last && last.group === column.group) last.span += 1;
    else cells.push({ group: column.group, span: 1 });
  }
  return cells;
}

/**
 * The table's answer-key columns taken from the key report ("Who found
 * what"), so the two always say the same: the page keeps one report, which
 * it reloads after every change to the key or to the flags, and the table
 * reads it instead of its own copy (which only changed when the table was
 * fetched again, so adding key entries left it at 0 until a reload). The
 * server counts both from the same findKeyReport. A student the report does
 * not list yet (joined since) keeps the table's own counts.
 */
export function withKeyScores(rows: readonly StudentRowDTO[], scores: readonly StudentScoreDTO[]): StudentRowDTO[] {
  const byStudent = new Map(scores.map((s) => [s.student.id, s]));
  return rows.map((row) => {
    const score = byStudent.get(row.student.id);
    return score ? { ...row, keyFound: score.found, keyPartial: score.partial, keyMissed: score.missed } : row;
  });
}

/** A column of the table, by key. */
export type StudentColumn = (typeof STUDENT_COLUMNS)[number]["key"];
/** Named as aria-sort names them, so the value goes straight onto the header. */
export type SortDirection = "ascending" | "descending";

/** Completion from least to most done, so "ascending" puts the students who need a nudge first. */
const COMPLETION_ORDER: Record<CompletionStatus, number> = { past_due: 0, not_started: 1, in_progress: 2, complete: 3 };

function valueOf(row: StudentRowDTO, column: StudentColumn): string | number | null {
  if (column === "name") return row.student.name;
  if (column === "completion") return COMPLETION_ORDER[row.completion];
  return row[column];
}

/**
 * Sorts rows by one column. Ties fall back to the name (then id), so equal
 * counts keep a stable, readable order. Students with no activity have no
 * dates: they go last whichever way a date column is sorted, since "never"
 * is not earlier or later than a date.
 */
export function sortStudentRows(rows: readonly StudentRowDTO[], column: StudentColumn, direction: SortDirection): StudentRowDTO[] {
  const sign = direction === "ascending" ? 1 : -1;
  const byName = (a: StudentRowDTO, b: StudentRowDTO) =>
    a.student.name.localeCompare(b.student.name) || a.student.id.localeCompare(b.student.id);
  return [...rows].sort((a, b) => {
    const x = valueOf(a, column);
    const y = valueOf(b, column);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return sign * order || byName(a, b);
  });
}

/** The direction a header click gives: a new column starts ascending (names A→Z), the same one flips. */
export function nextSort(
  current: { column: StudentColumn; direction: SortDirection },
  clicked: StudentColumn,
): { column: StudentColumn; direction: SortDirection } {
  if (current.column !== clicked) return { column: clicked, direction: "ascending" };
  return { column: clicked, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

const CSV_HEADER = [
  "Student",
  "Email",
  "Highlights",
  "Comments",
  "Replies",
  "Flags",
  "Verified flags",
  "Key found",
  "Key partial",
  "Key missed",
  "Completion",
  "First activity (UTC)",
  "Last activity (UTC)",
];

/**
 * The table as a CSV file (BOM, header row, one row per student in name
 * order). Dates are ISO 8601 in UTC, which every spreadsheet can parse. The
 * class's highlight codes follow as one column each ("Code: Claim"), counting
 * the student's marks with that code.
 */
export function studentTableCsv(table: StudentTableDTO): string {
  const rows: CsvCell[][] = sortStudentRows(table.rows, "name", "ascending").map((r) => [
    r.student.name,
    r.student.email,
    r.highlights,
    r.comments,
    r.replies,
    r.flags,
    r.verifiedFlags,
    r.keyFound,
    r.keyPartial,
    r.keyMissed,
    COMPLETION_LABELS[r.completion],
    r.firstActivityAt,
    r.lastActivityAt,
    ...table.codes.map((c) => r.codeCounts[c.id] ?? 0),
  ]);
  return writeCsv([[...CSV_HEADER, ...table.codes.map((c) => `Code: ${c.label}`)], ...rows]);
}

/** "history-11b-destalinization-origins-students.csv": a safe file name for the download. */
export function studentCsvFilename(className: string, essaySlug: string): string {
  const slug = `${className}-${essaySlug}`
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  return `${slug || "assignment"}-students.csv`;
}
