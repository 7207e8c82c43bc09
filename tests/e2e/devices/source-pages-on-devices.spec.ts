/**
 * A reading made from a PDF on the devices schools use ("phone" 390 × 844 and
 * "tablet" 1024 × 768, touch screens): the pages fit the screen's width, are
 * drawn, and the Text view is one tap away.
 */
import { e2eState } from "../support/api";
import { expect, test } from "../support/fixtures";
import { seedClass, type SeededClass } from "../support/seed-class";
import { isDrawn, uploadReading } from "../support/source-readings";
import { tapOn } from "../support/touch";

const PASSWORD = "devices-password";
let seeded: SeededClass;

test.beforeAll(async () => {
  const { databaseUrl } = e2eState();
  seeded = await seedClass(databaseUrl, { count: 1, teachers: 1, password: PASSWORD, label: `source-devices-${test.info().project.name}` });
});

test("a PDF's pages fit the screen, are drawn, and its text is one tap away", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const { viewport, hasTouch, isMobile, deviceScaleFactor, userAgent } = testInfo.project.use;
  const context = await browser.newContext({ viewport, hasTouch, isMobile, deviceScaleFactor, userAgent });
  const page = await context.newPage();
  const teacher = seeded.teachers[0];
  await page.goto("/signin?callbackUrl=%2Fclasses");
  await page.getByLabel("Email").fill(teacher.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await tapOn(page, page.getByRole("button", { name: "Sign in" }));
  await expect(page).toHaveURL(/\/classes/);

  await uploadReading(page, "gettysburg-3-pages.pdf", `Gettysburg on a ${testInfo.project.name} ${Date.now().toString(36)}`);
  const pageTwo = page.getByRole("figure", { name: "Page 2 of 3" });
  await pageTwo.scrollIntoViewIfNeeded();
  await expect.poll(() => isDrawn(page, "Page 2 of 3"), { timeout: 20_000 }).toBe(true);
  // The page is as wide as the column allows and no wider: nothing scrolls sideways.
  const box = (await pageTwo.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport!.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // Its words, laid over the picture, stay inside the page.
  const run = page.getByRole("figure", { name: "Page 2 of 3" }).locator(".source-run").first();
  const runBox = (await run.boundingBox())!;
  expect(runBox.x + runBox.width).toBeLessThanOrEqual(box.x + box.width + 1);

  await tapOn(page, page.getByRole("button", { name: "Text" }));
  await expect(page.getByText("Now we are engaged in a great civil war", { exact: false })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Page 2 of 3" })).toHaveCount(0);
  await context.close();
});
