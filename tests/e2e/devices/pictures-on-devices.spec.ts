import { expect, signIn, test } from "../support/fixtures";
import { uploadPoster } from "../support/picture-readings";
import { assignToDemoClass } from "../support/source-readings";

/*
 * A picture reading on a phone and a tablet with a touch screen: a tap on
 * "New region" puts a region on the picture, "Comment" opens the composer
 * (in the bottom sheet under 900 px), and the posted thread names where the
 * region is. No page is wider than the screen.
 */
test("a student marks a region of a picture by touch and comments on it", async ({ browser, page }, testInfo) => {
  test.setTimeout(180_000);
  const title = `Poster ${testInfo.project.name} ${Date.now().toString(36)}`;
  await signIn(page, "teacher", "/classes");
  await uploadPoster(page, title);
  await assignToDemoClass(page, title);

  const context = await browser.newContext({ ...testInfo.project.use });
  const ana = await context.newPage();
  await signIn(ana, "ana");
  await ana.locator("li.card", { hasText: "History 11B" }).getByRole("link", { name: title }).click();
  await expect(ana.locator(".picture-stage svg")).toBeAttached({ timeout: 20_000 });
  await ana.getByRole("button", { name: "New region" }).tap();
  const actions = ana.getByRole("toolbar", { name: "Annotate the region" });
  await expect(actions).toContainText("Rectangle, centre: from 40 % to 60 % across and 40 % to 60 % down");
  await actions.getByRole("button", { name: /Comment/ }).tap();
  await ana.getByRole("textbox", { name: "Your comment" }).fill("Who is the figure?");
  await ana.getByRole("button", { name: "Post comment" }).tap();
  const thread = ana.locator("article[data-annotation-id]", { hasText: "Who is the figure?" });
  await expect(thread).toBeVisible();
  await expect(thread).toContainText("Rectangle, centre");
  expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(ana.viewportSize()!.width);
  await ana.screenshot({ path: testInfo.outputPath(`picture-thread-${testInfo.project.name}.png`) });
  await context.close();
});
