import { demoAssignmentLink, expect, signIn, test } from "./support/fixtures";

test.describe("reading an assigned essay", () => {
  test("a student signs in, opens the assignment, reads the essay and signs out", async ({ page }) => {
    await signIn(page, "ana");
    await expect(page.getByRole("heading", { name: "My assignments" })).toBeVisible();
    const assignment = demoAssignmentLink(page);
    // Other stories assign more readings in History 11B: the demo essay's link is looked for in the card that names the class (demoAssignmentLink).
    await expect(assignment).toBeVisible();
    await assignment.click();

    await expect(page).toHaveURL(/\/essays\/destalinization-origins\?assignment=/);
    await expect(page.getByRole("heading", { level: 1, name: "DeStalinization, The Origins." })).toBeVisible();
    await expect(page.getByTestId("provenance")).toContainText("Retrieved");
    await expect(page.locator(".essay-text").getByText("In 1995 the central committee", { exact: false })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Why did Khrushchev do it?" })).toBeVisible();

    // Block offsets are in the page, ready for highlights to map through.
    const block = page.locator("[data-block]", { hasText: "In 1995 the central committee" });
    const [start, end] = await Promise.all([block.getAttribute("data-start"), block.getAttribute("data-end")]);
    expect(Number(end) - Number(start)).toBe(((await block.textContent()) ?? "").length);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await page.goto("/assignments");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fassignments/);
  });

  test("a signed-out visitor is sent to sign-in and comes back to the page asked for", async ({ page }) => {
    await page.goto("/essays/destalinization-origins");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fessays%2Fdestalinization-origins/);
    await page.getByLabel("Email").fill("ben@demo.school");
    await page.getByLabel("Password").fill("read-history-11b");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/essays\/destalinization-origins$/);
    await expect(page.locator(".essay-text").getByText("In 1995 the central committee", { exact: false })).toBeVisible();
  });

  test("a wrong password gets a clear message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill("ben@demo.school");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That email and password do not match an account." })).toBeVisible();
  });

  test("an unknown essay gives a 404 page", async ({ page }) => {
    await signIn(page, "chloe");
    const response = await page.goto("/essays/no-such-essay");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
