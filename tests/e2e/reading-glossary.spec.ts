import { expect, signIn, test } from "./support/fixtures";

/*
 * Issue 13 §4, as a teacher lives it: a reading gets a glossary, the hints
 * use it and say so, and editing the glossary (without touching the text)
 * changes the hints on the next look.
 */
test.describe("a reading's glossary", () => {
  test("a teacher gives a reading a glossary, the review page explains the hint it causes, and an edited glossary changes the hint", async ({ page }) => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const title = `The Taiping Rebellion ${stamp}`;
    await signIn(page, "teacher", "/classes");
    await page.getByLabel("New class name").fill(`Glossary ${stamp}`);
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Glossary ${stamp}` })).toBeVisible();
    const classUrl = page.url();

    // Add the reading with a glossary: a period and a person with their years.
    await page.goto("/readings/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Author").fill("A teacher");
    await page.getByLabel("Source (where the text comes from)").fill("Typed for the class");
    await page.getByLabel("Retrieved on").fill("2026-12-01");
    await page.getByLabel("Provenance notes (what was kept or changed)").fill("Written for the glossary story.");
    await page
      .getByLabel(/^Text \(Markdown/)
      .fill("In 1851 Hong Xiuquan proclaimed the Heavenly Kingdom. In 1853 his armies took Nanjing, and the city fell in 1864. In 1958 Hong answered by ordering a new campaign.");
    await page.getByLabel("Period from (year)").fill("1850");
    await page.getByLabel("Period to (year)").fill("1864");
    await page.getByLabel(/^People, one per line/).fill("Hong Xiuquan, 1814–1864");
    await page.getByRole("button", { name: "Add reading" }).click();
    await expect(page).toHaveURL(/\/essays\//);

    // Assign it, then open the review page.
    await page.goto(classUrl);
    await page.getByRole("link", { name: "Assign a reading" }).click();
    await page.getByLabel("Reading").selectOption({ label: `${title} (added by a teacher)` });
    await page.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Glossary ${stamp}`, exact: true })).toBeVisible();
    await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Review" }).click();
    await page.getByRole("tab", { name: "Answer key" }).click();

    const hints = page.getByRole("region", { name: "Hints" });
    const card = hints.getByRole("listitem").filter({ hasText: "“1958”" });
    await expect(card).toContainText("Hong acts here in 1958, after dying in 1864");
    const why = card.getByRole("list", { name: "Why this hint" });
    await expect(why).toContainText("Glossary: The teacher’s glossary: Hong Xiuquan, born 1814, died 1864.");
    await expect(why).toContainText("The teacher’s glossary gives the period 1850–1864.");

    // Edit only the glossary: the text stays revision 1, and the hint now rests on the period alone.
    await page.goto("/classes");
    await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Edit" }).click();
    await expect(page.getByLabel("Period from (year)")).toHaveValue("1850");
    await expect(page.getByLabel(/^People, one per line/)).toHaveValue("Hong Xiuquan, 1814–1864");
    await page.getByLabel(/^People, one per line/).fill("");
    await page.getByLabel("Period to (year)").fill("1870");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved; the text is unchanged and the glossary is updated.");
    await expect(page.getByText(/^Revision 1\./)).toBeVisible();

    await page.goto(classUrl);
    await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Review" }).click();
    await page.getByRole("tab", { name: "Answer key" }).click();
    const edited = page.getByRole("region", { name: "Hints" }).getByRole("listitem").filter({ hasText: "“1958”" });
    await expect(edited).toContainText("1958 lies outside the period this reading covers (1850–1870)");
    await expect(edited).not.toContainText("Hong acts here");

    // A mistake in the glossary is refused with a sentence naming the line.
    await page.goto("/classes");
    await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Edit" }).click();
    await page.getByLabel(/^People, one per line/).fill("Hong Xiuquan, soon");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "People, line 1" })).toContainText("“soon” is not understood");
  });
});
