import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { findConformanceDir } from "../helpers/conformance";
import { loadMustValidator } from "../helpers/w3c-validator";
import { expect, newContextWithThreadsInFull, signIn, test } from "./support/fixtures";
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

/** Uploads a file as a reading through "Add a reading" and waits until the reading opens. */
async function uploadReading(page: Page, file: string, title: string, altText?: string) {
  await page.goto("/readings/new");
  await page.getByRole("radio", { name: "A PDF, scan or photograph of a document" }).check();
  await page.getByLabel(/^File: a PDF/).setInputFiles(path.join(FIXTURES, file));
  if (altText) await page.getByLabel(/^What the picture shows/).fill(altText);
  // A PDF needs no picture description; only pictures ask for one.
  else await expect(page.getByLabel(/^What the picture shows/)).toHaveCount(0);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Author").fill("Abraham Lincoln");
  await page.getByLabel("Source (where the document comes from)").fill("Typeset from the Bliss copy");
  await page.getByLabel("Retrieved on").fill("2026-12-01");
  await page.getByLabel("Provenance notes (what was kept or changed)").fill("Public domain.");
  await page.getByRole("button", { name: "Upload and read the file" }).click();
  // The job's progress, then the reading once its text is ready.
  await expect(page).toHaveURL(/\/essays\//, { timeout: 90_000 });
}

/** Assigns the reading to the demo class; answers the class page's address. */
async function assignToDemoClass(page: Page, title: string): Promise<string> {
  await page.goto("/classes");
  await page.getByRole("link", { name: "History 11B" }).first().click();
  await page.getByRole("link", { name: "Assign a reading" }).click();
  await page.getByLabel("Reading").selectOption({ label: `${title} (added by a teacher)` });
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toBeVisible();
  return page.url();
}

/*
 * Issue 14, a PDF with a text layer as a class lives it: the teacher uploads
 * it in the app, the job reads it, the reader shows its real pages; a student
 * highlights a passage on page 2 on the page itself; the teacher downloads a
 * JSON-LD whose annotation names page 2 and passes the W3C MUST schemas.
 */
test.describe("readings made from files", () => {
  test("a teacher uploads a PDF, a student highlights on its page 2, and the export names the page", async ({ browser, page }) => {
    test.setTimeout(180_000);
    const stamp = Date.now().toString(36);
    const title = `Gettysburg ${stamp}`;
    const violations = await watchViolations(page);
    await signIn(page, "teacher", "/classes");

    await uploadReading(page, "gettysburg-3-pages.pdf", title);
    await expect(page.getByRole("button", { name: "Pages" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("figure", { name: "Page 2 of 3" })).toBeVisible();
    await page.getByRole("figure", { name: "Page 2 of 3" }).scrollIntoViewIfNeeded();
    await expect.poll(() => isDrawn(page, "Page 2 of 3"), { timeout: 20_000 }).toBe(true);
    // The reflowed text is the alternative, with the same words.
    await page.getByRole("button", { name: "Text" }).click();
    await expect(page.getByText("Now we are engaged in a great civil war", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Pages" }).click();
    expect(violations).toEqual([]);

    const classUrl = await assignToDemoClass(page, title);

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

  /*
   * A scan as a class lives it: the teacher uploads a picture with its
   * description, OCR transcribes it (misreading "nation" as "mation" on this
   * speckled scan), Ana flags a transcription error on the picture itself,
   * the teacher verifies it and applies it to the transcription, corrects
   * the rest by hand, and the errata list it apart from the source's errors.
   */
  test("a teacher uploads a scan, a student flags a transcription error on it, and the teacher's verification corrects the transcription", async ({ browser, page }) => {
    test.setTimeout(180_000);
    const stamp = Date.now().toString(36);
    const title = `Gettysburg scan ${stamp}`;
    const altText = "A typed page, speckled: the first paragraph of the Gettysburg Address.";
    await signIn(page, "teacher", "/classes");
    await uploadReading(page, "gettysburg-scan-degraded.png", title, altText);
    await expect(page.getByRole("img", { name: altText })).toBeVisible();
    await assignToDemoClass(page, title);

    const anaContext = await newContextWithThreadsInFull(browser);
    const ana = await anaContext.newPage();
    await signIn(ana, "ana");
    await ana.locator("li.card", { hasText: "History 11B" }).getByRole("link", { name: title }).click();
    await expect(ana.getByRole("figure", { name: "Page 1 of 1" })).toBeVisible();
    // The picture itself is shown under the text layer, described by the teacher's alt text.
    const picture = ana.getByRole("img", { name: altText });
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    // Words the OCR was unsure of are marked on the page.
    await expect(ana.locator(".source-run.is-unsure").first()).toBeAttached();
    await dragSelect(ana, "mation");
    await ana.keyboard.press("f");
    const form = ana.getByRole("region", { name: "Flag an error" });
    await form.getByLabel("What kind of error?").selectOption("transcription");
    await form.getByLabel("Suggested correction").fill("nation");
    await form.getByRole("textbox", { name: "Why is it wrong? (rationale)" }).fill(`The scan clearly reads nation ${stamp}`);
    await form.getByRole("button", { name: "Post flag" }).click();
    await expect(ana.locator("article[data-annotation-id]", { hasText: `reads nation ${stamp}` })).toBeVisible();
    const readerUrl = new URL(ana.url()).pathname + new URL(ana.url()).search;
    await anaContext.close();

    // The teacher verifies it from the reader and applies it to the transcription.
    const teacherContext = await newContextWithThreadsInFull(browser);
    const teacher = await teacherContext.newPage();
    await signIn(teacher, "teacher", readerUrl);
    const card = teacher.locator("article[data-annotation-id]", { hasText: `reads nation ${stamp}` });
    await card.getByRole("button", { name: /^Verify/ }).click();
    await expect(card.getByLabel("Also correct the transcription with it (a new revision)")).toBeChecked();
    await card.getByRole("button", { name: "Verify flag" }).click();
    await expect(card.locator(".flag-badge")).toHaveText(/Verified/);
    await teacher.reload();
    await teacher.getByRole("button", { name: "Text" }).click();
    await expect(teacher.locator("article.reader-article")).toContainText("conceived in Liberty");
    await expect(teacher.locator("article.reader-article")).toContainText("a new nation");

    // The errata keep transcription errors apart from the source's errors.
    await teacher.goto(readerUrl.replace(/\/essays\/([^?]+)\?/, "/essays/$1/errata?"));
    const section = teacher.getByRole("region", { name: "Transcription errors" });
    await expect(section).toContainText("mation");
    await expect(section).toContainText("nation");
    await expect(teacher.getByRole("heading", { name: "Errata", exact: true })).toHaveCount(0);
    await teacherContext.close();

    // The teacher corrects the rest of the transcription by hand: a new revision.
    await page.goto("/classes");
    await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Edit" }).click();
    const transcription = page.getByRole("textbox", { name: "Transcription" });
    const read = await transcription.inputValue();
    expect(read).toContain("a new nation");
    await transcription.fill(read.replace(/^.*?seven years/, "Four score and seven years"));
    await page.getByRole("button", { name: "Save the transcription" }).click();
    await expect(page.getByRole("status")).toHaveText(/Saved as revision \d+; annotations were carried across\./);
  });
});
