import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "@playwright/test";
import type { AnnotationDTO } from "../../lib/annotations/types";
import { apiRequest, e2eState } from "./support/api";
import { expect, signIn, test } from "./support/fixtures";
import { dragSelectAcross } from "./support/select-across";

/**
 * A passage no other spec asserts on: the demo class is shared, and threads
 * quoting "In 1995 the central committee" would give reading.spec's
 * getByText a second match, while marks on "1995" would give flags.spec and
 * annotate.spec's strict locators one.
 */
const PASSAGE = "change the coarse of the development";
const CORRECTION = "change the course of the development";
const ESSAY = "/essays/destalinization-origins";

/** The demo class's assignment id, found as a student would: through "My assignments". */
async function demoAssignmentId(page: Page): Promise<string> {
  const card = page.getByRole("listitem").filter({ hasText: "History 11B" });
  const href = await card.getByRole("link", { name: "DeStalinization, The Origins." }).getAttribute("href");
  const id = new URL(href!, "http://x").searchParams.get("assignment");
  expect(id).toBeTruthy();
  return id!;
}

/** Signs `who` in, highlights the passage in the reader with the mouse and the toolbar, and returns the new highlight. */
async function highlightPassage(browser: Browser, who: "ana" | "ben" | "chloe", assignmentId: string | null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  const id = assignmentId ?? (await demoAssignmentId(page));
  await page.goto(`${ESSAY}?assignment=${id}`);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await dragSelectAcross(page, PASSAGE);
  const toolbar = page.getByRole("toolbar", { name: "Annotate the selection" });
  await expect(toolbar).toBeVisible();
  const created = page.waitForResponse((r) => r.url().endsWith(`/api/assignments/${id}/annotations`) && r.request().method() === "POST");
  await toolbar.getByRole("button", { name: /^Highlight/ }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const { annotation } = (await response.json()) as { annotation: AnnotationDTO };
  expect(annotation.quote.exact).toBe(PASSAGE);
  return { context, page, id, annotation };
}

/** Serious or critical axe violations, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Presses Tab until the focused element matches `selector` (and `hasText`), failing after `max` presses. */
async function tabTo(page: Page, selector: string, hasText: string | RegExp = "", max = 400): Promise<Locator> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate((sel) => {
      const el = document.activeElement;
      return el && el.matches(sel) ? (el.textContent ?? "") : null;
    }, selector);
    if (text !== null && (typeof hasText === "string" ? text.includes(hasText) : hasText.test(text))) return page.locator(":focus");
  }
  throw new Error(`Tab never reached ${selector} ${hasText}`);
}

test.describe("the teacher's dashboard", () => {
  test("three students highlight one passage and Ana flags it; the teacher sees it hottest, verifies the flag, downloads the CSV, and works the page by keyboard", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const stamp = `dash-${Date.now().toString(36)}`;
    const { baseUrl } = e2eState();

    // Ana highlights the passage and flags its date through the API, as the reader's flag form would.
    const ana = await highlightPassage(browser, "ana", null);
    const assignmentId = ana.id;
    const flagRes = await apiRequest(ana.context, baseUrl, "POST", `/api/assignments/${assignmentId}/flags`, {
      id: crypto.randomUUID(),
      scope: "class",
      quote: ana.annotation.quote,
      position: ana.annotation.position,
      category: "term_spelling",
      correction: CORRECTION,
      rationale: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `A course, not a coarse ${stamp}` }] }] },
      evidence: [],
      tags: [],
    });
    expect(flagRes.status).toBe(201);
    // A student is not told the CSV exists.
    expect((await apiRequest(ana.context, baseUrl, "GET", `/api/assignments/${assignmentId}/students.csv`)).status).toBe(404);
    await ana.context.close();
    for (const who of ["ben", "chloe"] as const) {
      const { context } = await highlightPassage(browser, who, assignmentId);
      await context.close();
    }

    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, "teacher");
    const dashboard = `/assignments/${assignmentId}/review`;
    await page.goto(dashboard);

    // The heatmap: the passage is as hot as any, three students, named on hover and in its description.
    const heatmap = page.getByRole("region", { name: "Passage heatmap" });
    const run = heatmap.locator("a.heat-run", { hasText: "coarse" }).first();
    await expect(run).toHaveAttribute("data-count", "3");
    const counts = await heatmap.locator("a.heat-run").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-count"))));
    expect(Math.max(...counts)).toBe(3);
    await expect(run).toHaveAccessibleDescription(/3 students: Ana Petrova .*Ben Hughes .*Chloe Martin/);
    await expect(run).toHaveAttribute("href", new RegExp(`^${ESSAY}\\?assignment=${assignmentId}&annotation=`));
    await run.hover();
    const who = heatmap.getByRole("group", { name: "Who marked it" });
    await expect(who.getByRole("list", { name: "Students who marked this passage" })).toContainText("Chloe Martin");
    await expect(who.getByRole("link", { name: "Open the threads in the reader" })).toHaveAttribute("href", /annotation=/);
    await expect(heatmap.getByRole("heading", { name: /^Blocks no student marked$/ })).toBeVisible();

    // The flag queue, on its tab: Ana's flag, the only one on its words, verified in place.
    await page.getByRole("tab", { name: /^Flags/ }).click();
    await expect(page).toHaveURL(/#flag-queue$/);
    const queue = page.getByRole("region", { name: "Flag queue" });
    const card = queue.getByRole("listitem").filter({ hasText: stamp }).first();
    await expect(card).toContainText("Found by");
    await expect(card).toContainText("Ana Petrova");
    await expect(card).toContainText("Wrong term or spelling");
    await card.getByRole("button", { name: `Verify: Ana Petrova’s flag on “${PASSAGE}”` }).click();
    await expect(card.getByLabel("Correction", { exact: true })).toHaveValue(CORRECTION);
    await card.getByRole("button", { name: "Verify flag" }).click();
    // Said inside the flag that was decided, not at the top of the queue.
    await expect(card.getByRole("status").filter({ hasText: `Verified Ana Petrova’s flag on “${PASSAGE}”.` })).toBeVisible();
    await expect(card.getByRole("heading")).toContainText("Verified");
    // Hide and show it again from the same row.
    await card.getByRole("button", { name: /^Hide from the class:/ }).click();
    await expect(card.getByRole("heading")).toContainText("Hidden from the class");
    await card.getByRole("button", { name: /^Unhide:/ }).click();
    await expect(card.getByRole("heading")).not.toContainText("Hidden from the class");

    // The per-student table counts the verified flag once the server has recounted.
    await page.getByRole("tab", { name: "Students" }).click();
    const students = page.getByRole("region", { name: "Students" });
    const anaRow = students.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Ana Petrova/ }) });
    await expect(anaRow.getByRole("link")).toHaveAttribute("href", /student=/);

    // The CSV download: BOM, header, the three students; Ana has a verified flag.
    const [download] = await Promise.all([page.waitForEvent("download"), students.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toContain("Student,Email,Highlights,Comments,Replies,Flags,Verified flags");
    for (const name of ["Ana Petrova", "Ben Hughes", "Chloe Martin"]) expect(csv).toContain(`${name},`);
    const anaCells = lines.find((l) => l.startsWith("Ana Petrova,"))!.split(",");
    expect(Number(anaCells[2])).toBeGreaterThanOrEqual(1);
    expect(Number(anaCells[6])).toBeGreaterThanOrEqual(1);

    // No serious or critical accessibility problems, on the flag queue and with the annotation list open too.
    await page.getByRole("tab", { name: /^Flags/ }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("tab", { name: "Annotations" }).click();
    await page.getByRole("region", { name: "All annotations" }).getByText(/^Show all \d+ annotations/).click();
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard only: one tab stop for the tab list, arrows through every tab, each showing its section.
    await page.goto(dashboard);
    await tabTo(page, '[role="tab"][aria-selected="true"]', "Heatmap");
    const tabNames = await page.getByRole("tab").allTextContents();
    for (const name of tabNames.slice(1)) {
      await page.keyboard.press("ArrowRight");
      await expect(page.locator(":focus")).toHaveText(name);
      await expect(page.locator(":focus")).toHaveAttribute("aria-selected", "true");
    }
    await page.keyboard.press("Home");
    await expect(page.getByRole("tab", { name: "Heatmap" })).toBeFocused();
    // Into the heatmap (the panel after the tab list): toggle kinds with Space and Enter.
    await tabTo(page, "button[aria-pressed]", "Highlights");
    await page.keyboard.press("Space");
    await expect(heatmap.getByRole("button", { name: "Highlights" })).toHaveAttribute("aria-pressed", "true");
    await expect(heatmap.getByRole("button", { name: "All marks" })).toHaveAttribute("aria-pressed", "false");
    await expect(heatmap.getByRole("status")).toContainText("highlighted");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(heatmap.getByRole("button", { name: "Comments" })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await expect(heatmap.getByRole("button", { name: "All marks" })).toHaveAttribute("aria-pressed", "true");
    // Marked passages come in text order; Enter on one opens the reader there.
    const focusedRun = await tabTo(page, "a.heat-run", "coarse");
    await expect(focusedRun).toHaveAttribute("data-count", "3");
    await expect(who).toContainText("Ben Hughes");
    await page.keyboard.press("Enter");
    // A full page load of the reader (the run is a plain link): allow for a loaded machine.
    await expect(page).toHaveURL(new RegExp(`${ESSAY}\\?assignment=${assignmentId}&annotation=`), { timeout: 30_000 });

    // Sort the table from the keyboard: the Students tab, then the header buttons.
    await page.goto(dashboard);
    await tabTo(page, '[role="tab"][aria-selected="true"]', "Heatmap");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Students" })).toBeFocused();
    await tabTo(page, "th button", "Highlights", 20);
    const highlightsHeader = students.getByRole("columnheader", { name: /Highlights/ });
    await page.keyboard.press("Enter");
    await expect(highlightsHeader).toHaveAttribute("aria-sort", "ascending");
    await page.keyboard.press("Space");
    await expect(highlightsHeader).toHaveAttribute("aria-sort", "descending");
    await expect(students.getByRole("columnheader", { name: /Student/ })).not.toHaveAttribute("aria-sort", /.+/);
    const firstCount = Number(await students.locator("tbody tr").first().locator("td").first().textContent());
    const lastCount = Number(await students.locator("tbody tr").last().locator("td").first().textContent());
    expect(firstCount).toBeGreaterThanOrEqual(lastCount);
    await context.close();
  });

  test("the teacher downloads the class's JSON-LD and imports it back: everything is already there", async ({ browser, page }) => {
    // At least one annotation to export, whatever ran before.
    const ana = await highlightPassage(browser, "ana", null);
    const assignmentId = ana.id;
    await ana.context.close();
    await signIn(page, "teacher");
    // The section's old address opens its tab.
    await page.goto(`/assignments/${assignmentId}/review#export-import`);
    await expect(page.getByRole("tab", { name: "Export and import" })).toHaveAttribute("aria-selected", "true");
    const section = page.getByRole("region", { name: "Export and import" });
    const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Download W3C JSON-LD" }).click()]);
    const buffer = await readFile((await download.path())!);
    expect(JSON.parse(buffer.toString("utf8")).type).toBe("AnnotationCollection");

    // A file that is not JSON is refused before anything is sent.
    const file = section.getByLabel("W3C Web Annotation file (.json or .jsonld)");
    await file.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("not json") });
    await section.getByRole("button", { name: "Import" }).click();
    await expect(section.getByRole("alert")).toHaveText(/not valid JSON/);

    await file.setInputFiles({ name: download.suggestedFilename(), mimeType: "application/ld+json", buffer });
    await section.getByRole("button", { name: "Import" }).click();
    const summary = section.getByRole("status");
    await expect(summary).toContainText("Import finished.");
    await expect(summary.getByRole("definition").first()).toHaveText("0");
    const skipped = Number(await summary.locator("dt", { hasText: "Skipped as duplicates" }).locator("+ dd").textContent());
    expect(skipped).toBeGreaterThanOrEqual(1);
  });
});
