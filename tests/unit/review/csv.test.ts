import { describe, expect, it } from "vitest";
import { formatCsvCell, neutralizeFormula, UTF8_BOM, writeCsv } from "@/lib/review/csv";

describe("formatCsvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(formatCsvCell("Ana Petrova")).toBe("Ana Petrova");
    expect(formatCsvCell(3)).toBe("3");
    expect(formatCsvCell(0)).toBe("0");
  });

  it("writes empty cells for missing values and non-finite numbers", () => {
    expect(formatCsvCell(null)).toBe("");
    expect(formatCsvCell(undefined)).toBe("");
    expect(formatCsvCell(Number.NaN)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling quotes (RFC 4180)", () => {
    expect(formatCsvCell("Hughes, Ben")).toBe('"Hughes, Ben"');
    expect(formatCsvCell('Ben "the reader" Hughes')).toBe('"Ben ""the reader"" Hughes"');
    expect(formatCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(formatCsvCell("carriage\r return")).toBe('"carriage\r return"');
  });

  it("keeps accents and other scripts as they are", () => {
    expect(formatCsvCell("Zoë Núñez")).toBe("Zoë Núñez");
    expect(formatCsvCell("Ольга")).toBe("Ольга");
  });
});

describe("neutralizeFormula", () => {
  it("prefixes every formula trigger with a single quote", () => {
    for (const risky of ["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(neutralizeFormula(risky)).toBe(`'${risky}`);
    }
  });

  it("leaves triggers that are not at the start", () => {
    expect(neutralizeFormula("Ana = Anna")).toBe("Ana = Anna");
    expect(neutralizeFormula("a-b")).toBe("a-b");
  });

  it("is applied before quoting, so a dangerous cell that needs quotes stays inert", () => {
    expect(formatCsvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(formatCsvCell("\r=1")).toBe(`"'\r=1"`);
  });
});

describe("writeCsv", () => {
  it("starts with a BOM and ends every row with CRLF", () => {
    const csv = writeCsv([
      ["Student", "Flags"],
      ["Zoë", 2],
      ["Hughes, Ben", null],
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Student,Flags\r\nZoë,2\r\n"Hughes, Ben",\r\n');
  });

  it("writes just the BOM for no rows", () => {
    expect(writeCsv([])).toBe(UTF8_BOM);
  });
});
