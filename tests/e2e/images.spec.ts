import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { findConformanceDir } from "../helpers/conformance";
import { loadMustValidator } from "../helpers/w3c-validator";
import { expect, signIn, test } from "./support/fixtures";
import { ALT, uploadPoster } from "./support/picture-readings";
import { assignToDemoClass, watchViolations } from "./support/source-readings";

/** A point of the picture, given in the picture's own pixels (1200 × 800), on the page. */
async function pointOn(page: Page, x: number, y: number) {
  const box = (await page.locator(".picture-stage img.picture-image").boundingBox())!;
  return { x: box.x + (x / 1200) * box.width, y: box.y + (y / 800) * box.height };
}

/*
 * Issue 14, a picture as a class lives it: the teacher uploads a poster with
 * its description; Ana draws a rectangle round the caption with the mouse and
 * comments on it, then places a region with the keyboard alone and flags the
 * caption's wrong date; the teacher finds the flag in the queue, the spots in
 * the heatmap, and downloads a JSON-LD that passes the MUST schemas.
 */
test("a teacher uploads a poster, a student comments on a region with the mouse and flags one with the keyboard, and the teacher reviews them", async ({ browser, page }, testInfo) => {
  test.setTimeout(240_000);
  const title = `Poster ${Date.now().toString(36)}`;
  const violations = await watchViolations(page);
  await signIn(page, "teacher", "/classes");
  await uploadPoster(page, title);
  await expect(page.getByRole("img", { name: ALT })).toBeVisible();
  const classUrl = await assignToDemoClass(page, title);

  const anaContext = await browser.newContext();
  const ana = await anaContext.newPage();
  const anaViolations = await watchViolations(ana);
  await signIn(ana, "ana");
  await ana.locator("li.card", { hasText: "History 11B" }).getByRole("link", { name: title }).click();
  await expect(ana.getByRole("button", { name: "Rectangle" })).toHaveAttribute("aria-pressed", "true");
  await expect(ana.locator(".picture-stage svg")).toBeAttached({ timeout: 20_000 });

  // The mouse: a rectangle dragged round the caption becomes the draft region.
  await ana.locator(".picture-stage").evaluate((stage) => stage.scrollIntoView({ block: "end" }));
  const from = await pointOn(ana, 100, 620);
  const to = await pointOn(ana, 700, 730);
  await ana.mouse.move(from.x, from.y);
  await ana.mouse.down();
  await ana.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await ana.mouse.move(to.x, to.y, { steps: 5 });
  await ana.mouse.up();
  const actions = ana.getByRole("toolbar", { name: "Annotate the region" });
  await expect(actions).toContainText("Rectangle, bottom centre: from 8 % to 58 % across and 78 % to 91 % down");
  await actions.getByRole("button", { name: /Comment/ }).click();
  await ana.getByRole("textbox", { name: "Your comment" }).fill("Which palace is this?");
  await ana.getByRole("button", { name: "Post comment" }).click();
  const comment = ana.locator("[data-annotation-id]", { hasText: "Which palace is this?" }).first();
  await expect(comment).toBeVisible();
  await expect(comment).toContainText("Rectangle, bottom centre: from 8 % to 58 % across and 78 % to 91 % down");

  // The keyboard alone: New region, arrows to move it down and left onto the caption, Shift+arrows to shape it, F to flag.
  await ana.getByRole("button", { name: "New region" }).focus();
  await ana.keyboard.press("Enter");
  const draft = ana.getByRole("img", { name: /^New region\./ });
  await expect(draft).toBeFocused();
  const live = ana.locator(".picture-reading [role=status]");
  await expect(live).toHaveText("Rectangle, centre: from 40 % to 60 % across and 40 % to 60 % down");
  for (let i = 0; i < 12; i++) await ana.keyboard.press("ArrowDown");
  for (let i = 0; i < 14; i++) await ana.keyboard.press("ArrowLeft");
  for (let i = 0; i < 4; i++) await ana.keyboard.press("Shift+ArrowUp");
  await expect(live).toHaveText("Rectangle, bottom left: from 12 % to 32 % across and 64 % to 76 % down");
  await ana.keyboard.press("f");
  const form = ana.getByRole("region", { name: "Flag an error" });
  await form.getByLabel("What kind of error?").selectOption("date_number");
  await form.getByLabel("Suggested correction").fill("1917");
  await form.getByRole("textbox", { name: "Why is it wrong? (rationale)" }).fill("The Winter Palace was stormed in October 1917.");
  await form.getByRole("button", { name: "Post flag" }).click();
  const flag = ana.locator("article[data-annotation-id]", { hasText: "stormed in October 1917" });
  await expect(flag).toBeVisible();
  await expect(flag).toContainText("Rectangle, bottom left: from 12 % to 32 % across and 64 % to 76 % down");
  expect(anaViolations).toEqual([]);

  // Many regions, as a class of students leaves them: Ben posts a dozen through the same API.
  const benContext = await browser.newContext();
  const ben = await benContext.newPage();
  await signIn(ben, "ben");
  await ben.goto(ana.url());
  const assignmentId = new URL(ana.url()).searchParams.get("assignment")!;
  const statuses = await ben.evaluate(async (id) => {
    const out: number[] = [];
    for (let i = 0; i < 12; i++) {
      const region = i % 3 === 0
        ? { type: "polygon", points: [[760 + i * 5, 200], [980, 230 + i * 5], [940, 600], [740, 580]] }
        : { type: "rect", x: 40 + (i % 4) * 280, y: 180 + Math.floor(i / 4) * 130, w: 220, h: 100 };
      const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Region note ${i + 1}` }] }] };
      const res = await fetch(`/api/assignments/${id}/annotations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: crypto.randomUUID(), kind: i % 2 ? "comment" : "highlight", ...(i % 2 ? { body } : {}), scope: "class", region }),
      });
      out.push(res.status);
    }
    // And one outside the picture: refused with a sentence.
    const bad = await fetch(`/api/assignments/${id}/annotations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: crypto.randomUUID(), kind: "highlight", scope: "class", region: { type: "rect", x: 1150, y: 10, w: 200, h: 50 } }),
    });
    out.push(bad.status, ...[(await bad.json()).error.message.includes("inside the picture") ? 1 : 0]);
    return out;
  }, assignmentId);
  expect(statuses).toEqual([...Array(12).fill(201), 422, 1]);
  await benContext.close();

  // The same reader with many regions, at the three sizes: looked at, not compared.
  for (const [name, size, touch] of [
    ["1366", { width: 1366, height: 768 }, false],
    ["tablet", { width: 1024, height: 768 }, true],
    ["phone", { width: 390, height: 844 }, true],
  ] as const) {
    const context = await browser.newContext({ viewport: size, hasTouch: touch, isMobile: touch });
    const view = await context.newPage();
    await signIn(view, "ana");
    await view.goto(ana.url());
    await expect(view.locator(".picture-stage svg")).toBeAttached({ timeout: 20_000 });
    await view.waitForTimeout(500);
    const width = await view.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(size.width);
    await view.screenshot({ path: testInfo.outputPath(`picture-reader-${name}.png`) });
    await context.close();
  }
  await anaContext.close();

  // The teacher: the flag in the queue, the spots in the heatmap, the JSON-LD.
  await page.goto(classUrl);
  await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Review" }).click();
  await page.getByRole("tab", { name: /^Flags/ }).click();
  const queue = page.getByRole("region", { name: "Flag queue" });
  await expect(queue.getByText("“a region of the picture” → “1917”").first()).toBeVisible();
  await page.getByRole("tab", { name: /^Heatmap/ }).click();
  const spots = page.locator(".region-spot");
  await expect(spots.first()).toBeVisible();
  expect(await spots.count()).toBeGreaterThan(3);
  await expect(page.getByRole("link", { name: /students? (marked|highlighted|commented on|flagged) the region/ }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("picture-heatmap-1366.png"), fullPage: true });
  await page.getByRole("tab", { name: "Export and import" }).click();
  const section = page.getByRole("region", { name: "Export and import" });
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Download W3C JSON-LD" }).click()]);
  const collection = JSON.parse((await readFile((await download.path())!)).toString("utf8"));
  const items = collection.first.items as { target: { selector: { type: string; value: string }[] } }[];
  expect(items.length).toBe(14);
  const types = new Set(items.flatMap((i) => i.target.selector.map((s) => s.type)));
  expect([...types].sort()).toEqual(["FragmentSelector", "SvgSelector"]);
  const dir = findConformanceDir();
  if (dir) {
    const musts = loadMustValidator(dir);
    for (const item of items) expect(musts(item).failures).toEqual([]);
  }
  expect(violations).toEqual([]);
});
