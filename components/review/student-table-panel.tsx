"use client";

import { useMemo, useState } from "react";
import { RelativeTime } from "@/components/annotations/relative-time";
import { COMPLETION_LABELS } from "@/lib/annotations/completion";
import {
  headerGroups,
  nextSort,
  sortStudentRows,
  STUDENT_COLUMNS,
  type SortDirection,
  type StudentColumn,
  type StudentRowDTO,
  type StudentTableDTO,
} from "@/lib/review/student-table";

/** Props for StudentTablePanel. */
export interface StudentTablePanelProps {
  table: StudentTableDTO;
}

const COUNT_COLUMNS = ["highlights", "comments", "replies", "flags", "verifiedFlags", "keyFound", "keyPartial", "keyMissed"] as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function DateCell({ iso }: { iso: string | null }) {
  return <td>{iso ? <RelativeTime iso={iso} /> : <span className="muted">never</span>}</td>;
}

/**
 * One row per student on the roster, sortable by any column. Headers are
 * buttons inside the <th> (so they are reachable and pressable from the
 * keyboard) and the sorted column carries aria-sort; the new order is also
 * announced in a status line, since aria-sort alone is only read on focus.
 * Columns are grouped (Work, Answer key, Activity) under short names so the
 * table fits 1,366 px; on narrower screens it scrolls sideways inside its
 * frame with the students' names held in place.
 */
export function StudentTablePanel({ table }: StudentTablePanelProps) {
  const [sort, setSort] = useState<Sort>({ column: "name", direction: "ascending" });
  const rows = useMemo(() => sortStudentRows(table.rows, sort.column, sort.direction), [table.rows, sort]);
  const sortedLabel = STUDENT_COLUMNS.find((c) => c.key === sort.column)?.label ?? "";
  const { minimums } = table;

  return (
    <>
      <p className="muted">
        Complete means at least {plural(minimums.highlights, "highlight")}, {plural(minimums.comments, "comment")} and{" "}
        {plural(minimums.flags, "flag")}. Counts leave out deleted items and students&apos; private notes, which you never see.
      </p>
      <p className="review-actions">
        <a className="button button-small" href={`/api/assignments/${encodeURIComponent(table.assignmentId)}/students.csv`} download>
          Download CSV
        </a>
      </p>
      <p className="visually-hidden" role="status">
        Sorted by {sortedLabel}, {sort.direction}.
      </p>
      {rows.length === 0 ? (
        <p className="muted">This class has no students yet.</p>
      ) : (
        <div className="review-table-wrap">
          <table className="review-table student-table">
            <caption className="visually-hidden">Each student&apos;s work on this assignment; column headers sort the table</caption>
            <thead>
              <tr>
                {headerGroups().map((cell) =>
                  "group" in cell ? (
                    <th key={cell.group} scope="colgroup" colSpan={cell.span} className="student-table-group">
                      {cell.group}
                    </th>
                  ) : (
                    <SortHeader key={cell.column.key} column={cell.column} sort={sort} onSort={setSort} rowSpan={2} />
                  ),
                )}
              </tr>
              <tr>
                {STUDENT_COLUMNS.filter((c) => c.group !== null).map((c) => (
                  <SortHeader key={c.key} column={c} sort={sort} onSort={setSort} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <StudentRow key={row.student.id} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

type Sort = { column: StudentColumn; direction: SortDirection };

/**
 * A column header whose whole face is the sort button. It shows the short
 * name under its group ("Found" under "Answer key") and is named in full
 * ("Key found"), so a screen reader hears the same column the CSV names.
 */
function SortHeader({
  column,
  sort,
  onSort,
  rowSpan,
}: {
  column: (typeof STUDENT_COLUMNS)[number];
  sort: Sort;
  onSort: (next: Sort) => void;
  rowSpan?: number;
}) {
  const isSorted = sort.column === column.key;
  return (
    <th scope="col" rowSpan={rowSpan} aria-sort={isSorted ? sort.direction : undefined} className={column.key === "name" ? "student-table-name" : undefined}>
      <button
        type="button"
        className="review-sort-button"
        aria-label={column.short === column.label ? undefined : column.label}
        onClick={() => onSort(nextSort(sort, column.key))}
      >
        {column.short}
        <span aria-hidden="true" className="review-sort-mark">
          {isSorted ? (sort.direction === "ascending" ? " ▲" : " ▼") : " ↕"}
        </span>
      </button>
    </th>
  );
}

function StudentRow({ row }: { row: StudentRowDTO }) {
  return (
    <tr>
      <th scope="row" className="student-table-name">
        <a href={row.href} aria-label={`${row.student.name}: annotations in the reader`}>
          {row.student.name}
        </a>
      </th>
      {COUNT_COLUMNS.map((key) => (
        <td key={key}>{row[key]}</td>
      ))}
      <td>{COMPLETION_LABELS[row.completion]}</td>
      <DateCell iso={row.firstActivityAt} />
      <DateCell iso={row.lastActivityAt} />
    </tr>
  );
}
