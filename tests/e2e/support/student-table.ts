import type { Locator, Page } from "@playwright/test";

/**
 * The cell of `student`'s row under `column` (a header's full name, such as
 * "Verified flags", which the table shows as "Verified" under "Work") in the
 * review dashboard's students table. Opens the Students tab first: the
 * table's links are not there for a user on another tab.
 */
export async function studentCell(page: Page, student: string, column: string): Promise<Locator> {
  const tab = page.getByRole("tab", { name: /^Students/ });
  if ((await tab.getAttribute("aria-selected")) !== "true") await tab.click();
  const table = page.locator("table.student-table");
  const index = await table.evaluate((t, column) => {
    // The header rows laid out as a grid, spans included: the last row names every column in body order.
    const grid: string[][] = [];
    [...(t as HTMLTableElement).tHead!.rows].forEach((row, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const cell of [...row.cells]) {
        while (grid[r][c] !== undefined) c += 1;
        const name = (cell.querySelector("button")?.getAttribute("aria-label") ?? cell.textContent ?? "").replace(/[▲▼↕]/g, "").trim();
        for (let dr = 0; dr < cell.rowSpan; dr += 1) for (let dc = 0; dc < cell.colSpan; dc += 1) (grid[r + dr] ??= [])[c + dc] = name;
        c += cell.colSpan;
      }
    });
    return grid.at(-1)!.indexOf(column);
  }, column);
  if (index < 0) throw new Error(`The students table has no column "${column}".`);
  const row = table.locator("tbody tr", { has: page.getByRole("link", { name: `${student}: annotations in the reader` }) });
  return row.locator("th, td").nth(index);
}
