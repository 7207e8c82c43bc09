import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { demoAssignmentLink, expect, signIn, test } from "./support/fixtures";

/** The review page's address, found the way a person would: through "My assignments". */
async function reviewUrl(page: Page): Promise<string> {
  await demoAssignmentLink(page).click();
  await expect(page).toHaveURL(/assignment=/);
  const id = new URL(page.url()).searchParams.get("assignment");
  return `/assignments/${id}/review`;
}

test.describe("reviewing an assignment", () => {
  test("the teacher adds a hint to the key in one click, adds a passage by hand and deletes it", async ({ page }) => {
    await signIn(page, "teacher");
    await page.goto(await reviewUrl(page));
    await expect(page.getByRole("heading", { level: 1, name: "Review: DeStalinization, The Origins." })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the reader" })).toBeVisible();

    await page.getByRole("tab", { name: "Answer key" }).click();
    const hints = page.getByRole("region", { name: "Hints" });
    await hints.getByRole("button", { name: "Add to answer key: “1995”" }).click();
    await expect(hints.getByRole("button", { name: "In the key: “1995”" })).toBeVisible();
    const key = page.getByRole("region", { name: "Answer key" });
    await expect(key.getByRole("list", { name: "Answer key entries" })).toContainText("“1955”");

    await key.getByLabel("Exact words of the passage").fill("Molotov and Malenkov");
    await expect(key.getByText("These words appear once.")).toBeVisible();
    await key.getByLabel("Category").selectOption({ label: "Unsupported claim (needs a source)" });
    await key.getByLabel("Expected correction").fill("Cite who opposed him.");
    await key.getByRole("button", { name: "Add to answer key" }).click();
    await expect(key.getByRole("status").filter({ hasText: "Added to the answer key." })).toBeVisible();
    await expect(page.getByRole("region", { name: "Who found what" })).toContainText("Molotov and Malenkov");

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    await key.getByRole("button", { name: "Delete the entry “Molotov and Malenkov”" }).click();
    await key.getByRole("button", { name: "Yes, delete the entry “Molotov and Malenkov”" }).click();
    await expect(key.getByRole("list", { name: "Answer key entries" })).not.toContainText("Molotov and Malenkov");
    await expect(page.getByRole("heading", { level: 2, name: "Answer key" })).toBeFocused();
  });

  test("a student is told the review page does not exist", async ({ page }) => {
    await signIn(page, "ana");
    const response = await page.goto(await reviewUrl(page));
    expect(response?.status()).toBe(404);
  });
});
