"use client";

import { useMemo, useState } from "react";
import { RelativeTime } from "@/components/annotations/relative-time";
import { COMPLETION_LABELS } from "@/lib/annotations/completion";
import {
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
 */
export function StudentTablePanel({ table }: StudentTablePanelProps) {
  const [sort, setSort] = useState<{ column: StudentColumn; direction: SortDirection }>({ column: "name", direction: "ascending" });
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
                {STUDENT_COLUMNS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort.column === c.key ? sort.direction : undefined}>
                    <button type="button" className="review-sort-button" onClick={() => setSort(nextSort(sort, c.key))}>
                      {c.label}
                      <span aria-hidden="true" className="review-sort-mark">
                        {sort.column === c.key ? (sort.direction === "ascending" ? " ▲" : " ▼") : " ↕"}
                      </span>
                    </button>
                  </th>
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

function StudentRow({ row }: { row: StudentRowDTO }) {
  return (
    <tr>
      <th scope="row">
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
