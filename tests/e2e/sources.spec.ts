import { readFile } from "node:fs/promises";
import { findConformanceDir } from "../helpers/conformance";
import { loadMustValidator } from "../helpers/w3c-validator";
import { expect, newContextWithThreadsInFull, signIn, test } from "./support/fixtures";
import { assignToDemoClass, isDrawn, uploadReading, watchViolations } from "./support/source-readings";
import { dragSelect } from "./support/text-selection";


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
    await page.getByRole("tab", { name: "Export and import" }).click();
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
