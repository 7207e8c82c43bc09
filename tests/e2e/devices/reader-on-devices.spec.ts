/**
 * The reader on the devices schools use, run by the "phone" (390 × 844) and
 * "tablet" (1024 × 768) projects with a touch screen (playwright.config.ts).
 * On the phone the threads are a bottom sheet; on the tablet they are the
 * margin beside the text. Each story works through touch: taps, never a mouse.
 */
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { DASHBOARD_TABS } from "../../../lib/review/dashboard-tabs";
import { e2eState } from "../support/api";
import { postAsClass } from "../support/class-posts";
import { expect, test } from "../support/fixtures";
import { seedClass, withDb, type SeededClass, type SeededUser } from "../support/seed-class";
import { isInsideViewport, tapOn, touchSelect } from "../support/touch";

const PASSWORD = "devices-password";

let seeded: SeededClass;

test.beforeAll(async () => {
  const { databaseUrl } = e2eState();
  seeded = await seedClass(databaseUrl, { count: 3, teachers: 1, password: PASSWORD, label: `devices-${test.info().project.name}`, assignments: [{ peerFlagVisibility: "always" }] });
});

/** A person on this project's device, signed in through the form, on the class's reading (or `reader`). */
async function openReader(browser: Browser, user: SeededUser, use: BrowserContextOptions, reader = `/essays/destalinization-origins?assignment=${seeded.assignmentId}`): Promise<Page> {
  const context = await browser.newContext(use);
  const page = await context.newPage();
  await page.goto("/signin?callbackUrl=%2Fassignments");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await tapOn(page, page.getByRole("button", { name: "Sign in" }));
  await expect(page).toHaveURL(/\/assignments/);
  await page.goto(reader);
  await expect(page.getByRole("status").filter({ hasText: "Live" }).first()).toBeAttached();
  return page;
}

function contextOptions(testInfo: { project: { use: BrowserContextOptions } }): BrowserContextOptions {
  const { viewport, hasTouch, isMobile, deviceScaleFactor, userAgent } = testInfo.project.use;
  return { viewport, hasTouch, isMobile, deviceScaleFactor, userAgent };
}

const isPhone = (page: Page) => (page.viewportSize()?.width ?? 0) <= 900;

/** The thread card of `text`, wherever the device shows it (the sheet or the margin). */
function threadCard(page: Page, text: string) {
  return page.locator("article[data-annotation-id]", { hasText: text });
}

test.describe("the reader on a touch screen", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a student selects words by touch, highlights them from a toolbar that stays on the screen, and the toolbar goes away", async ({ browser }, testInfo) => {
    const page = await openReader(browser, seeded.students[0], contextOptions(testInfo));
    await touchSelect(page, "extremely sensitive issue");
    const toolbar = page.getByRole("toolbar", { name: "Annotate the selection" });
    await expect(toolbar).toBeVisible();
    expect(await isInsideViewport(toolbar)).toBe(true);
    for (const name of ["Highlight", "Comment", "Flag"]) expect(await isInsideViewport(toolbar.getByRole("button", { name }))).toBe(true);
    await tapOn(page, toolbar.getByRole("button", { name: /Highlight/ }));
    await expect(page.locator("mark.hl-mine", { hasText: "extremely sensitive issue" })).toBeVisible();
    await expect(toolbar).toBeHidden();
    await page.context().close();
  });

  test("a student comments by touch: the passage stays marked while writing, the composer is where the passage is, and the thread opens after posting", async ({ browser }, testInfo) => {
    const stamp = Date.now().toString(36);
    const page = await openReader(browser, seeded.students[1], contextOptions(testInfo));
    await touchSelect(page, "labor camps");
    const toolbar = page.getByRole("toolbar", { name: "Annotate the selection" });
    await tapOn(page, toolbar.getByRole("button", { name: /Comment/ }));
    await expect(toolbar).toBeHidden();
    const pending = page.locator("mark.hl-pending", { hasText: "labor camps" });
    await expect(pending).toBeVisible();
    const composer = page.getByRole("region", { name: "New comment" });
    await expect(composer).toBeVisible();
    expect(await isInsideViewport(composer.getByRole("textbox", { name: "Your comment" }))).toBe(true);
    if (!isPhone(page)) {
      // Beside the selection: level with the marked passage.
      const [markTop, composerTop] = await Promise.all([pending.evaluate((el) => el.getBoundingClientRect().top), composer.evaluate((el) => el.getBoundingClientRect().top)]);
      expect(Math.abs(markTop - composerTop)).toBeLessThanOrEqual(8);
    }
    await composer.getByRole("textbox", { name: "Your comment" }).fill(`Forced labour ${stamp}`);
    await tapOn(page, composer.getByRole("button", { name: "Post comment" }));
    const card = threadCard(page, `Forced labour ${stamp}`);
    await expect(card).toBeVisible();
    await expect(page.locator("mark.hl-pending")).toHaveCount(0);
    await page.context().close();
  });

  test("a student flags a wrong date by touch and proposes the correction", async ({ browser }, testInfo) => {
    const page = await openReader(browser, seeded.students[2], contextOptions(testInfo));
    await touchSelect(page, "1995");
    await tapOn(page, page.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: /Flag/ }));
    const form = page.getByRole("region", { name: "Flag an error" });
    await expect(form).toBeVisible();
    await form.getByLabel("What kind of error?").selectOption("date_number");
    await form.getByLabel("Suggested correction").fill("1955");
    await form.getByRole("textbox", { name: "Why is it wrong? (rationale)" }).fill("The commission was set up in late 1955.");
    await tapOn(page, form.getByRole("button", { name: "Post flag" }));
    await expect(page.locator("mark.hl-flag", { hasText: "1995" }).first()).toBeVisible();
    // The new flag's thread is open: its change in words, and the date it proposes.
    const opened = page.locator("article[data-annotation-id][aria-current='true']");
    await expect(opened).toBeVisible();
    await expect(opened.locator(".flag-correction")).toContainText("1955");
    await expect(opened.locator(".flag-correction del")).toHaveText("1995");
    await page.context().close();
  });

  test("tapping a highlight brings up its thread, with the passage still in view", async ({ browser }, testInfo) => {
    const stamp = Date.now().toString(36);
    const writer = await openReader(browser, seeded.students[0], contextOptions(testInfo));
    await touchSelect(writer, "rehabilitated");
    await tapOn(writer, writer.getByRole("toolbar", { name: "Annotate the selection" }).getByRole("button", { name: /Comment/ }));
    await writer.getByRole("textbox", { name: "Your comment" }).fill(`Who was rehabilitated? ${stamp}`);
    await tapOn(writer, writer.getByRole("button", { name: "Post comment" }));
    await expect(threadCard(writer, stamp)).toBeVisible();
    await writer.context().close();

    const reader = await openReader(browser, seeded.teachers[0], contextOptions(testInfo));
    const mark = reader.locator("mark.hl-peer", { hasText: "rehabilitated" }).first();
    await tapOn(reader, mark);
    const card = threadCard(reader, stamp);
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute("aria-current", "true");
    expect(await isInsideViewport(card.locator("h3").first())).toBe(true);
    expect(await isInsideViewport(mark)).toBe(true);
    if (isPhone(reader)) {
      await expect(reader.getByRole("button", { name: /Annotations \(\d+\)/ })).toHaveAttribute("aria-expanded", "true");
    } else {
      const [markTop, cardTop] = await Promise.all([mark.evaluate((el) => el.getBoundingClientRect().top), card.evaluate((el) => el.getBoundingClientRect().top)]);
      expect(Math.abs(markTop - cardTop)).toBeLessThanOrEqual(1);
    }
    await reader.context().close();
  });
});

/** Names as long as real ones, for the class of 30 the narrow-screen story seeds (seed-class.ts names them "Student N"). */
const FIRST = ["Maria Fernanda", "Oluwaseun", "Aleksandra", "Jean-Baptiste", "Nguyen Thi", "Bartholomew", "Anastasia", "Muhammad Ali", "Guadalupe", "Christopher"];
const LAST = ["Oyelaran-Castellanos", "Vasilopoulou", "Abernathy-Okonkwo", "Papadimitriou", "Rahmanzadeh", "Featherstonehaugh"];

/** A class the size schools have: 30 students with full names, each with 20 highlights, comments and flags. */
async function seedFullClass(): Promise<SeededClass> {
  const { databaseUrl, baseUrl } = e2eState();
  const full = await seedClass(databaseUrl, { count: 30, teachers: 1, password: PASSWORD, label: "devices-full-class", assignments: [{ peerFlagVisibility: "always" }] });
  await withDb(databaseUrl, (client) =>
    client.query(`update users set name = ($2::text[])[array_position($1::text[], id)] where id = any($1::text[])`, [
      full.students.map((s) => s.id),
      full.students.map((_, i) => `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`),
    ]),
  );
  await postAsClass(baseUrl, full, { perStudent: 20, stamp: "devices" });
  return full;
}

/** Pixels the page is wider than `width` (0 when it fits): on a phone (isMobile) the layout grows to fit what is too wide, so the innerWidth cannot tell. */
async function overflowBeyond(page: Page, width: number): Promise<number> {
  return page.evaluate((width) => Math.max(0, document.documentElement.scrollWidth - width), width);
}

test.describe("narrow screens", () => {
  test("no page scrolls sideways at 360 px with a class of 30 at work, every tab of the review page included, and the header folds into a menu", async ({ browser }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "one width is enough: 360 px, the narrowest phones schools see");
    test.setTimeout(300_000);
    const full = await seedFullClass();
    const width = 360;
    const options = { ...contextOptions(testInfo), viewport: { width, height: 740 } };
    const reader = `/essays/destalinization-origins?assignment=${full.assignmentId}`;
    const pages = ["/assignments", reader, `/essays/destalinization-origins/errata?assignment=${full.assignmentId}`, "/classes", "/account", "/join"];
    const teacherPages = [reader, `/classes/${full.classId}`, `/classes/${full.classId}/assign`, "/readings/new", "/classes", "/assignments"];
    const wide: string[] = [];
    const check = async (page: Page, where: string) => {
      const over = await overflowBeyond(page, width);
      if (over > 0) wide.push(`${where}: ${width + over} px wide`);
    };
    for (const [user, urls] of [[full.students[0], pages], [full.teachers[0], teacherPages]] as const) {
      const page = await openReader(browser, user, options, reader);
      for (const url of urls) {
        await page.goto(url);
        await page.waitForLoadState("networkidle");
        await check(page, url);
      }
      const menu = page.getByRole("button", { name: "Menu" });
      await expect(menu).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
      await tapOn(page, menu);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      expect(await isInsideViewport(page.getByRole("button", { name: "Sign out" }))).toBe(true);
      if (user === full.teachers[0]) {
        // The review dashboard, tab by tab: 30 students in the table, 600 annotations in the heatmap, the queue and the list.
        const review = `/assignments/${full.assignmentId}/review`;
        // A link to the last tab opens it with the tab in sight: the row of tabs scrolls inside itself to show it.
        await page.goto(`${review}#export-import`);
        const last = page.getByRole("tab", { name: "Export and import" });
        await expect(last).toHaveAttribute("aria-selected", "true");
        await expect.poll(() => isInsideViewport(last)).toBe(true);
        for (const tab of DASHBOARD_TABS) {
          const button = page.getByRole("tab", { name: new RegExp(`^${tab.label}`) });
          await tapOn(page, button);
          await expect(button).toHaveAttribute("aria-selected", "true");
          if (tab.id === "students") await expect(page.getByRole("region", { name: "Students" }).locator("tbody tr")).toHaveCount(30);
          await check(page, `${review}#${tab.id}`);
        }
      }
      await page.context().close();
    }
    for (const url of ["/signin", "/signup"]) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(url);
      await check(page, url);
      await context.close();
    }
    expect(wide).toEqual([]);
  });
});
