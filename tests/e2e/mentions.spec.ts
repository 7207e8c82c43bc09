import { demoAssignmentLink, expect, newContextWithThreadsInFull, signIn, test } from "./support/fixtures";
import { dragSelect } from "./support/text-selection";

test.describe("@mentions", () => {
  test("Ana mentions Ben from the keyboard; the comment shows his name to both; a private note suggests nobody", async ({ browser }, testInfo) => {
    const stamp = `mention-${Date.now().toString(36)}`;
    const anaContext = await newContextWithThreadsInFull(browser);
    const benContext = await newContextWithThreadsInFull(browser);
    const ana = await anaContext.newPage();
    const ben = await benContext.newPage();
    await signIn(ana, "ana");
    await signIn(ben, "ben");
    for (const page of [ana, ben]) {
      await demoAssignmentLink(page).click();
      await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    }

    await dragSelect(ana, "1995");
    await ana.getByRole("button", { name: /Comment/ }).click();
    const editor = ana.getByRole("textbox", { name: "Your comment" });
    await editor.click();
    await ana.keyboard.type(`Question ${stamp} for @Be`);
    const suggestions = ana.getByRole("listbox", { name: "People you can mention" });
    await expect(suggestions.getByRole("option", { name: "Ben Hughes" })).toBeVisible();
    await expect(suggestions.getByRole("option", { name: "Ana Petrova" })).toHaveCount(0);
    await ana.screenshot({ path: testInfo.outputPath("mention-suggestions.png") });
    await ana.keyboard.press("Enter");
    await expect(suggestions).toHaveCount(0);
    await ana.keyboard.type("what do you think?");
    await ana.getByRole("button", { name: "Post comment" }).click();

    const anaCard = ana.locator("article[data-annotation-id]", { hasText: stamp });
    await expect(anaCard.locator(".mention", { hasText: "@Ben Hughes" })).toBeVisible();
    const benCard = ben.locator("article[data-annotation-id]", { hasText: stamp });
    await expect(benCard.locator(".mention", { hasText: "@Ben Hughes" })).toBeVisible({ timeout: 10_000 });

    // A private note is read by its author alone: nobody to suggest.
    await dragSelect(ana, "secret speech");
    await ana.getByRole("button", { name: /Comment/ }).click();
    await ana.getByLabel("Who can see this").selectOption("private");
    await ana.getByRole("textbox", { name: "Your comment" }).click();
    await ana.keyboard.type("@B");
    await expect(suggestions.getByText("Nobody here can see this to be mentioned.")).toBeVisible();
    await expect(suggestions.getByRole("option")).toHaveCount(0);
    await ana.keyboard.press("Escape");
    await anaContext.close();
    await benContext.close();
  });
});
