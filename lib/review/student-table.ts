import { COMPLETION_LABELS, type CompletionStatus } from "@/lib/annotations/completion";
import { writeCsv, type CsvCell } from "./csv";
import type { StudentRefDTO } from "./types";

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
}

/** The per-student table of an assignment. */
export interface StudentTableDTO {
  assignmentId: string;
  className: string;
  essaySlug: string;
  minimums: { highlights: number; comments: number; flags: number };
  dueAt: string;
  rows: StudentRowDTO[];
}

/** The columns a teacher can sort by, in the table's order. */
export const STUDENT_COLUMNS = [
  { key: "name", label: "Student" },
  { key: "highlights", label: "Highlights" },
  { key: "comments", label: "Comments" },
  { key: "replies", label: "Replies" },
  { key: "flags", label: "Flags" },
  { key: "verifiedFlags", label: "Verified flags" },
  { key: "keyFound", label: "Key found" },
  { key: "keyPartial", label: "Key partial" },
  { key: "keyMissed", label: "Key missed" },
  { key: "completion", label: "Completion" },
  { key: "firstActivityAt", label: "First activity" },
  { key: "lastActivityAt", label: "Last activity" },
] as const;

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
 * order). Dates are ISO 8601 in UTC, which every spreadsheet can parse.
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
  ]);
  return writeCsv([CSV_HEADER, ...rows]);
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
