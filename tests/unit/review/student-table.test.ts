import { describe, expect, it } from "vitest";
import { UTF8_BOM } from "@/lib/review/csv";
import { headerGroups, nextSort, sortStudentRows, STUDENT_COLUMNS, studentCsvFilename, studentTableCsv, withKeyScores, type StudentTableDTO } from "@/lib/review/student-table";
import { ana, ben, chloe, idleRow } from "./review-fixtures";

const anaRow = { ...idleRow(ana), highlights: 4, flags: 1, completion: "complete" as const, firstActivityAt: "2026-03-01T10:00:00.000Z", lastActivityAt: "2026-03-03T10:00:00.000Z" };
const benRow = { ...idleRow(ben), highlights: 4, completion: "in_progress" as const, firstActivityAt: "2026-03-02T10:00:00.000Z", lastActivityAt: "2026-03-02T11:00:00.000Z" };
const chloeRow = { ...idleRow(chloe), completion: "past_due" as const };
const names = (rows: { student: { name: string } }[]) => rows.map((r) => r.student.name);

describe("sortStudentRows", () => {
  it("sorts names A→Z and back", () => {
    expect(names(sortStudentRows([chloeRow, anaRow, benRow], "name", "ascending"))).toEqual(["Ana Petrova", "Ben Hughes", "Chloe Martin"]);
    expect(names(sortStudentRows([anaRow, chloeRow, benRow], "name", "descending"))).toEqual(["Chloe Martin", "Ben Hughes", "Ana Petrova"]);
  });

  it("sorts counts as numbers and breaks ties by name", () => {
    expect(names(sortStudentRows([chloeRow, benRow, anaRow], "highlights", "descending"))).toEqual(["Ana Petrova", "Ben Hughes", "Chloe Martin"]);
    expect(names(sortStudentRows([anaRow, benRow, chloeRow], "highlights", "ascending"))).toEqual(["Chloe Martin", "Ana Petrova", "Ben Hughes"]);
  });

  it("orders completion from least done to most done", () => {
    expect(names(sortStudentRows([anaRow, benRow, chloeRow], "completion", "ascending"))).toEqual(["Chloe Martin", "Ben Hughes", "Ana Petrova"]);
  });

  it("puts students with no activity last, whichever way dates are sorted", () => {
    expect(names(sortStudentRows([chloeRow, benRow, anaRow], "lastActivityAt", "ascending"))).toEqual(["Ben Hughes", "Ana Petrova", "Chloe Martin"]);
    expect(names(sortStudentRows([chloeRow, benRow, anaRow], "lastActivityAt", "descending"))).toEqual(["Ana Petrova", "Ben Hughes", "Chloe Martin"]);
  });
});

describe("nextSort", () => {
  it("starts a new column ascending and flips the same one", () => {
    expect(nextSort({ column: "name", direction: "ascending" }, "flags")).toEqual({ column: "flags", direction: "ascending" });
    expect(nextSort({ column: "flags", direction: "ascending" }, "flags")).toEqual({ column: "flags", direction: "descending" });
    expect(nextSort({ column: "flags", direction: "descending" }, "flags")).toEqual({ column: "flags", direction: "ascending" });
  });
});

describe("studentTableCsv", () => {
  const table: StudentTableDTO = {
    assignmentId: "asg",
    className: "History 11B",
    essaySlug: "destalinization-origins",
    minimums: { highlights: 3, comments: 1, flags: 1 },
    dueAt: "2026-03-10T00:00:00.000Z",
    codes: [],
    rows: [chloeRow, { ...anaRow, student: { ...anaRow.student, name: "=Ana, \"the\" Zoë" } }, benRow],
  };

  it("writes a BOM, a header and one row per student in name order", () => {
    const lines = studentTableCsv(table).split("\r\n");
    expect(lines[0].startsWith(UTF8_BOM)).toBe(true);
    expect(lines[0].slice(1)).toBe(
      "Student,Email,Highlights,Comments,Replies,Flags,Verified flags,Key found,Key partial,Key missed,Completion,First activity (UTC),Last activity (UTC)",
    );
    expect(lines.slice(1, 4).map((l) => l.split(",")[0])).toEqual(['"\'=Ana', "Ben Hughes", "Chloe Martin"]);
    expect(lines[1]).toBe(`"'=Ana, ""the"" Zoë",u-ana@demo.school,4,0,0,1,0,0,0,0,Complete,2026-03-01T10:00:00.000Z,2026-03-03T10:00:00.000Z`);
    expect(lines[3]).toBe("Chloe Martin,u-chloe@demo.school,0,0,0,0,0,0,0,0,Past due,,");
    expect(lines[4]).toBe("");
  });
});

describe("studentTableCsv with highlight codes", () => {
  it("adds one count column per code, in key order, 0 where a student used none", () => {
    const codes = [
      { id: "c-claim", label: "Claim" },
      { id: "c-bias", label: "Bias" },
    ];
    const csv = studentTableCsv({
      assignmentId: "asg",
      className: "History 11B",
      essaySlug: "e",
      minimums: { highlights: 0, comments: 0, flags: 0 },
      dueAt: "2026-03-10T00:00:00.000Z",
      codes,
      rows: [{ ...benRow, codeCounts: { "c-bias": 2 } }, { ...anaRow, codeCounts: { "c-claim": 3, "c-bias": 1 } }],
    });
    const lines = csv.split("\r\n");
    expect(lines[0].split(",").slice(-2)).toEqual(["Code: Claim", "Code: Bias"]);
    expect(lines[1].split(",").slice(-2)).toEqual(["3", "1"]);
    expect(lines[2].split(",").slice(-2)).toEqual(["0", "2"]);
  });
});

describe("studentCsvFilename", () => {
  it("makes a plain file name from the class and essay", () => {
    expect(studentCsvFilename("History 11B", "destalinization-origins")).toBe("history-11b-destalinization-origins-students.csv");
    expect(studentCsvFilename('Zoë\'s "class"; rm', "e")).toBe("zoes-class-rm-e-students.csv");
    expect(studentCsvFilename("", "")).toBe("assignment-students.csv");
  });
});

describe("the table's answer-key columns come from the key report", () => {
  const score = (student: typeof ana, found: number, partial: number, missed: number) => ({ student, found, partial, missed, outside: 0 });

  it("takes found, partial and missed from the report that \u201cWho found what\u201d shows", () => {
    const rows = withKeyScores([anaRow, benRow], [score(ana, 2, 1, 3), score(ben, 0, 0, 6)]);
    expect(rows.map((r) => [r.student.name, r.keyFound, r.keyPartial, r.keyMissed])).toEqual([
      ["Ana Petrova", 2, 1, 3],
      ["Ben Hughes", 0, 0, 6],
    ]);
    // Everything else is the table's own.
    expect(rows[0]).toMatchObject({ highlights: 4, flags: 1, completion: "complete" });
  });

  it("keeps a student's own counts when the report does not list them yet", () => {
    const late = { ...chloeRow, keyFound: 1 };
    expect(withKeyScores([late], [score(ana, 2, 0, 0)])[0].keyFound).toBe(1);
  });

  it("sorts by the report's numbers", () => {
    const rows = withKeyScores([anaRow, benRow, chloeRow], [score(ana, 1, 0, 0), score(ben, 3, 0, 0), score(chloe, 2, 0, 0)]);
    expect(names(sortStudentRows(rows, "keyFound", "descending"))).toEqual(["Ben Hughes", "Chloe Martin", "Ana Petrova"]);
  });
});

describe("grouped headers", () => {
  it("spans each group over its columns and keeps ungrouped ones on their own", () => {
    const cells = headerGroups().map((c) => ("group" in c ? `${c.group}×${c.span}` : c.column.key));
    expect(cells).toEqual(["name", "Work×5", "Answer key×3", "completion", "Activity×2"]);
    const spanned = headerGroups().reduce((n, c) => n + ("group" in c ? c.span : 1), 0);
    expect(spanned).toBe(STUDENT_COLUMNS.length);
  });
});
