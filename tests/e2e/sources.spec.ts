import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { findConformanceDir } from "../helpers/conformance";
import { loadMustValidator } from "../helpers/w3c-validator";
import { expect, signIn, test } from "./support/fixtures";
import { dragSelect } from "./support/text-selection";

const FIXTURES = path.resolve(__dirname, "../fixtures/sources");

/** CSP violations the page reports (pdf.js and its worker must run under the strict policy). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content.Security.Policy|Refused to (?:execute|load|create|connect)/i.test(msg.text())) seen.push(msg.text());
  });
  await page.exposeBinding("__reportCsp", (_source, text: string) => void seen.push(text));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return seen;
}

/** Whether a page's canvas has been drawn on: some pixel that is not blank. */
function isDrawn(page: Page, pageLabel: string): Promise<boolean> {
  return page.getByRole("figure", { name: pageLabel }).locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
    if (canvas.width === 0) return false;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] !== 0 && data[i] < 128) return true;
    return false;
  });
}

/*
 * Issue 14, a PDF with a text layer as a class lives it: the teacher uploads
 * it in the app, the job reads it, the reader shows its real pages; a student
 * highlights a passage on page 2 on the page itself; the teacher downloads a
 * JSON-LD whose annotation names page 2 and passes the W3C MUST schemas.
 */
test.describe("a reading made from a PDF", () => {
  test("a teacher uploads a PDF, a student highlights on its page 2, and the export names the page", async ({ browser, page }) => {
    test.setTimeout(180_000);
    const stamp = Date.now().toString(36);
    const title = `Gettysburg ${stamp}`;
    const violations = await watchViolations(page);
    await signIn(page, "teacher", "/classes");

    await page.goto("/readings/new");
    await page.getByRole("radio", { name: "A PDF, scan or photograph of a document" }).check();
    await page.getByLabel(/^File: a PDF/).setInputFiles(path.join(FIXTURES, "gettysburg-3-pages.pdf"));
    // A PDF needs no picture description; only pictures ask for one.
    await expect(page.getByLabel(/^What the picture shows/)).toHaveCount(0);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Author").fill("Abraham Lincoln");
    await page.getByLabel("Source (where the document comes from)").fill("Typeset from the Bliss copy");
    await page.getByLabel("Retrieved on").fill("2026-12-01");
    await page.getByLabel("Provenance notes (what was kept or changed)").fill("Public domain.");
    await page.getByRole("button", { name: "Upload and read the file" }).click();
    // The job's progress, then the reading once its text is ready.
    await expect(page).toHaveURL(/\/essays\//, { timeout: 90_000 });
    await expect(page.getByRole("button", { name: "Pages" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("figure", { name: "Page 2 of 3" })).toBeVisible();
    await page.getByRole("figure", { name: "Page 2 of 3" }).scrollIntoViewIfNeeded();
    await expect.poll(() => isDrawn(page, "Page 2 of 3"), { timeout: 20_000 }).toBe(true);
    // The reflowed text is the alternative, with the same words.
    await page.getByRole("button", { name: "Text" }).click();
    await expect(page.getByText("Now we are engaged in a great civil war", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Pages" }).click();
    expect(violations).toEqual([]);

    // Assigned to the demo class.
    await page.goto("/classes");
    await page.getByRole("link", { name: "History 11B" }).first().click();
    await page.getByRole("link", { name: "Assign a reading" }).click();
    await page.getByLabel("Reading").selectOption({ label: `${title} (added by a teacher)` });
    await page.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: title })).toBeVisible();
    const classUrl = page.url();

    // Ana highlights "great civil war" on the page itself (page 2's text layer).
    const context = await browser.newContext();
    const ana = await context.newPage();
    const anaViolations = await watchViolations(ana);
    await signIn(ana, "ana");
    await ana.locator("li.card", { hasText: "History 11B" }).getByRole("link", { name: title }).click();
    const pageTwo = ana.getByRole("figure", { name: "Page 2 of 3" });
    await expect(pageTwo).toBeVisible();
    await dragSelect(ana, "great civil war");
    await ana.getByRole("button", { name: /Highlight/ }).click();
    await expect(pageTwo.locator("mark.hl-mine")).toHaveText("great civil war");
    expect(anaViolations).toEqual([]);
    await context.close();

    // The teacher's download: the annotation is refined by page 2 and passes the MUST schemas.
    await page.goto(classUrl);
    await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Review" }).click();
    const section = page.getByRole("region", { name: "Export and import" });
    const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Download W3C JSON-LD" }).click()]);
    const collection = JSON.parse((await readFile((await download.path())!)).toString("utf8"));
    const items = collection.first.items as { target: { selector: { type: string; value?: string; refinedBy?: { exact: string } }[] } }[];
    expect(items).toHaveLength(1);
    expect(items[0].target.selector.find((s) => s.type === "FragmentSelector")).toMatchObject({ value: "page=2", refinedBy: { exact: "great civil war" } });
    const dir = findConformanceDir();
    if (dir) {
      const musts = loadMustValidator(dir);
      for (const item of items) expect(musts(item).failures).toEqual([]);
    }
  });
});
