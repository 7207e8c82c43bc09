/**
 * A small RFC 4180 CSV writer for teachers' spreadsheets. Pure: the route
 * only wraps the string in a Response.
 */

/** One cell: text, a number, or empty (null/undefined). */
export type CsvCell = string | number | null | undefined;

/**
 * Byte-order mark. Excel reads a CSV without one as the system's legacy code
 * page, so "Zoë" would arrive as "ZoÃ«"; with it, every spreadsheet reads UTF-8.
 */
export const UTF8_BOM = "\uFEFF";

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP's list:
 * = + - @, and tab / carriage return, which some programs strip before
 * looking). A student named "=HYPERLINK(...)" must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert for spreadsheets: a leading formula character gets
 * a single quote in front, which spreadsheets show as text and do not run.
 * Numbers are written as numbers, so a genuine negative number would stay
 * negative; the values here are never negative anyway.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell as RFC 4180 writes it: quoted (with quotes doubled) when it holds a comma, quote or line break. */
export function formatCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const safe = neutralizeFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A whole file: the BOM, then every row (the header first) with CRLF line
 * ends, as RFC 4180 specifies, including after the last row.
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(formatCsvCell).join(",") + "\r\n").join("");
}
