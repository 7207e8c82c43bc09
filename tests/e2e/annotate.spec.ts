import type { Browser, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { demoAssignmentLink, expect, signIn, test, newContextWithThreadsInFull } from "./support/fixtures";
import { apiRequest } from "./support/api";
import { dragSelect } from "./support/text-selection";

const READER = "/assignments";

async function openEssay(page: Page) {
  await demoAssignmentLink(page).click();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}

/** Ana and Ben, each in their own browser, signed in and on the demo essay with the live stream open. */
async function anaAndBenReading(browser: Browser) {
  const anaContext = await newContextWithThreadsInFull(browser);
  const benContext = await newContextWithThreadsInFull(browser);
  const ana = await anaContext.newPage();
  const ben = await benContext.newPage();
  await signIn(ana, "ana", READER);
  await signIn(ben, "ben", READER);
  await openEssay(ana);
  await openEssay(ben);
  return { anaContext, benContext, ana, ben };
}

test.describe("annotating together", () => {
  test("Ana highlights “1995” and comments in bold; Ben sees it live and replies; Ana sees the reply live", async ({ browser }) => {
    const stamp = Date.now().toString(36);
    const { anaContext, benContext, ana, ben } = await anaAndBenReading(browser);

    await dragSelect(ana, "1995");
    await ana.getByRole("button", { name: /Comment/ }).click();
    const editor = ana.getByRole("textbox", { name: "Your comment" });
    await editor.click();
    await ana.keyboard.type(`This date looks ${stamp} `);
    await ana.keyboard.press("Control+b");
    await ana.keyboard.type("wrong");
    await ana.getByRole("button", { name: "Post comment" }).click();

    const anaCard = ana.locator("article[data-annotation-id]", { hasText: stamp });
    await expect(anaCard).toBeVisible();
    await expect(anaCard.locator("strong", { hasText: "wrong" })).toBeVisible();
    await expect(ana.locator("mark.hl-mine", { hasText: "1995" })).toBeVisible();

    // Ben's page updates without a reload.
    const benCard = ben.locator("article[data-annotation-id]", { hasText: stamp });
    await expect(benCard).toBeVisible({ timeout: 5_000 });
    await expect(benCard.locator("strong", { hasText: "wrong" })).toBeVisible();
    await expect(ben.locator("mark.hl-peer", { hasText: "1995" })).toBeVisible();

    await benCard.getByRole("button", { name: /Reply/ }).click();
    await ben.getByRole("textbox", { name: /reply/i }).fill(`Agreed ${stamp}, it should be 1955`);
    await ben.getByRole("button", { name: /Post reply|Reply$/ }).last().click();
    // In the replies (the reply box may still hold the words for a moment while it clears).
    await expect(benCard.getByRole("list", { name: /^Replies to/ }).getByText(`Agreed ${stamp}, it should be 1955`)).toBeVisible();

    await expect(anaCard.getByRole("list", { name: /^Replies to/ }).getByText(`Agreed ${stamp}, it should be 1955`)).toBeVisible({ timeout: 5_000 });
    await anaContext.close();
    await benContext.close();
  });

  test("Ana's private note never appears for Ben", async ({ browser }) => {
    const stamp = `private-${Date.now().toString(36)}`;
    const { anaContext, benContext, ana, ben } = await anaAndBenReading(browser);

    await dragSelect(ana, "secret speech");
    await ana.getByRole("button", { name: /Comment/ }).click();
    await ana.getByLabel("Who can see this").selectOption("private");
    await ana.getByRole("textbox", { name: "Your comment" }).fill(`Just for me ${stamp}`);
    await ana.getByRole("button", { name: "Post comment" }).click();
    await expect(ana.locator("article[data-annotation-id]", { hasText: stamp })).toBeVisible();

    // A class-wide comment posted after it does arrive, so the stream is working...
    await dragSelect(ana, "Molotov and Malenkov");
    await ana.getByRole("button", { name: /Comment/ }).click();
    await ana.getByRole("textbox", { name: "Your comment" }).fill(`For everyone ${stamp}`);
    await ana.getByRole("button", { name: "Post comment" }).click();
    await expect(ben.getByText(`For everyone ${stamp}`)).toBeVisible({ timeout: 5_000 });
    // ...and the private one is not there, live or after a reload.
    await expect(ben.getByText(`Just for me ${stamp}`)).toHaveCount(0);
    await ben.reload();
    await expect(ben.getByText(`For everyone ${stamp}`)).toBeVisible();
    await expect(ben.getByText(`Just for me ${stamp}`)).toHaveCount(0);

    // Every route answers Ben as if the private note did not exist.
    const privateId = await ana.locator("article[data-annotation-id]", { hasText: `Just for me ${stamp}` }).getAttribute("data-annotation-id");
    const base = new URL(ben.url()).origin;
    const asBen = (method: string, url: string, body?: unknown) => apiRequest(benContext, base, method, url, body);
    expect((await asBen("GET", `/api/annotations/${privateId}`)).status).toBe(404);
    expect((await asBen("PATCH", `/api/annotations/${privateId}`, { version: 1, tags: ["x"] })).status).toBe(404);
    expect((await asBen("DELETE", `/api/annotations/${privateId}`, { version: 1 })).status).toBe(404);
    const reply = await asBen("POST", `/api/annotations/${privateId}/replies`, {
      id: crypto.randomUUID(),
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "hi" }] }] },
    });
    expect(reply.status).toBe(404);
    const missing = await asBen("GET", `/api/annotations/${crypto.randomUUID()}`);
    expect(await missing.json()).toEqual(await (await asBen("GET", `/api/annotations/${privateId}`)).json());
    await anaContext.close();
    await benContext.close();
  });

  test("a keyboard-only reader creates a highlight", async ({ page }) => {
    await signIn(page, "chloe", READER);
    await page.keyboard.press("Tab"); // skip link
    for (let i = 0; i < 25; i++) {
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (focused.includes("DeStalinization, The Origins.")) break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    for (let i = 0; i < 30; i++) {
      const isArticle = await page.evaluate(() => document.activeElement?.tagName === "ARTICLE");
      if (isArticle) break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter"); // selects the first word
    await page.keyboard.press("Control+Shift+ArrowRight");
    await expect(page.getByRole("toolbar", { name: "Annotate the selection" })).toBeVisible();
    await page.keyboard.press("h");
    await expect(page.locator("mark.hl-mine", { hasText: "DeStalinization" }).first()).toBeVisible();
    await expect(page.locator("article[data-annotation-id]", { hasText: "DeStalinization" }).first()).toBeVisible();
  });

  test("the reader with annotations open has no serious or critical accessibility violations", async ({ page }) => {
    await signIn(page, "ben", READER);
    await openEssay(page);
    await dragSelect(page, "Presidium");
    await page.getByRole("button", { name: /Highlight/ }).click();
    await expect(page.locator("mark", { hasText: "Presidium" }).first()).toBeVisible();
    await page.locator("article[data-annotation-id]").first().focus();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
