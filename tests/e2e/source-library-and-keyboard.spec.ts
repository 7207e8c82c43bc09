import { expect, signIn, test } from "./support/fixtures";
import { isDrawn, uploadReading } from "./support/source-readings";

/*
 * Issue 14's smaller leftovers, as a class lives them: the library's PDF
 * (content/gettysburg-address.pdf beside its YAML) is assigned like an essay,
 * a student makes a highlight on its page 2 with the keyboard alone, and a
 * teacher corrects the details of a file they uploaded after the fact.
 */
const LIBRARY_PDF = "The Gettysburg Address (the Bliss copy)";

test.describe("readings made from files: the library's PDF, the keyboard on the pages, details after upload", () => {
  test("the library's PDF is assigned, and a student highlights on its page 2 with the keyboard only", async ({ browser, page }) => {
    test.setTimeout(120_000);
    await signIn(page, "teacher", "/classes");
    await page.getByRole("link", { name: "History 11B" }).first().click();
    await page.getByRole("link", { name: "Assign a reading" }).click();
    await page.waitForLoadState("networkidle");
    const reading = page.getByLabel("Reading");
    // Its text is read by a job once the app starts: listed when it is ready.
    await expect(async () => {
      await page.reload();
      await expect(reading.locator("option", { hasText: LIBRARY_PDF })).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    await reading.selectOption({ label: LIBRARY_PDF });
    await expect(reading.locator("option:checked")).toHaveText(LIBRARY_PDF);
    await page.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: LIBRARY_PDF })).toBeVisible();

    const context = await browser.newContext();
    const ana = await context.newPage();
    await signIn(ana, "ana");
    await ana.locator("li.card", { hasText: "History 11B" }).getByRole("link", { name: LIBRARY_PDF }).first().click();
    const pageTwo = ana.getByRole("figure", { name: "Page 2 of 2" });
    await expect(pageTwo).toBeVisible();
    await expect(ana.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    // Keyboard only: Tab to the reading, End to its last page, Enter selects the page's first word, Control+Shift+Right the next ones.
    for (let i = 0; i < 40 && !(await ana.evaluate(() => document.activeElement?.matches("article.reader-article"))); i++) await ana.keyboard.press("Tab");
    await expect(ana.locator("article.reader-article")).toBeFocused();
    await ana.keyboard.press("End");
    await expect.poll(() => isDrawn(ana, "Page 2 of 2"), { timeout: 20_000 }).toBe(true);
    // Enter starts on the page on screen: wait until End's scroll has left page 1's start behind and brought page 2 up
    // (under load the key's scroll can land after the next key press, and the selection then began on page 1).
    const onPageTwo = () =>
      ana.evaluate(() => {
        const [one, two] = ["Page 1 of 2", "Page 2 of 2"].map((name) => document.querySelector(`[aria-label="${name}"]`)?.getBoundingClientRect().top ?? NaN);
        return one < 0 && two < window.innerHeight;
      });
    await expect.poll(onPageTwo, { timeout: 10_000 }).toBe(true);
    await ana.keyboard.press("Enter");
    for (let i = 0; i < 3; i++) await ana.keyboard.press("Control+Shift+ArrowRight");
    await expect(ana.getByRole("toolbar", { name: "Annotate the selection" })).toBeVisible();
    await ana.keyboard.press("h");
    // Drawn on page 2 itself, over the words the page shows.
    const mark = pageTwo.locator("mark.hl-mine");
    await expect(mark.first()).toBeVisible();
    expect((await mark.allTextContents()).join("")).toMatch(/^But, in a/);
    await expect(ana.locator("article[data-annotation-id]", { hasText: "But, in a" }).first()).toBeVisible();
    await context.close();
  });

  test("a teacher corrects the details of a PDF they uploaded; the reading keeps its text and revision", async ({ page }) => {
    test.setTimeout(120_000);
    const title = `Details ${Date.now().toString(36)}`;
    await signIn(page, "teacher", "/classes");
    await uploadReading(page, "gettysburg.pdf", title);
    await page.goto("/classes");
    await page.getByRole("list", { name: "Readings your classes use or you added" }).getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Edit" }).click();
    const form = page.getByRole("form", { name: "The document’s details" });
    await expect(form.getByLabel("Title")).toHaveValue(title);
    await form.getByLabel("Author").fill("President Abraham Lincoln");
    await form.getByLabel("Retrieved on").fill("1863-11-19");
    await form.getByRole("button", { name: "Save the details" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved. The text and its annotations are unchanged.");
    // An emptied title is refused with the sentence, nothing saved.
    await form.getByLabel("Title").fill(" ");
    await form.getByRole("button", { name: "Save the details" }).click();
    await expect(form.getByRole("alert")).toHaveText("Fill in the title.");
    await expect(page.getByText("Revision 1.")).toBeVisible();
    await page.goto("/classes");
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByTestId("provenance")).toContainText("President Abraham Lincoln");
    await expect(page.getByTestId("provenance")).toContainText("19 November 1863");
  });
});
