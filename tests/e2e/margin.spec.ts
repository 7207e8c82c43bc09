/**
 * The margin at a class's size: 20 students' threads beside one essay at
 * 1366 px. Threads sit level with their passages and never overlap, however
 * many there are; a clicked highlight's thread sits exactly level with it.
 */
import type { Page } from "@playwright/test";
import { e2eState } from "./support/api";
import { postAsClass } from "./support/class-posts";
import { expect, test } from "./support/fixtures";
import { seedClass, type SeededClass } from "./support/seed-class";

const PASSWORD = "margin-password";
let seeded: SeededClass;

test.describe.configure({ mode: "serial", timeout: 150_000 });

test.beforeAll(async () => {
  const { baseUrl, databaseUrl } = e2eState();
  seeded = await seedClass(databaseUrl, { count: 20, teachers: 1, password: PASSWORD, label: "margin", assignments: [{ peerFlagVisibility: "always" }] });
  await postAsClass(baseUrl, seeded, { perStudent: 12, stamp: "margin" });
});

async function openAsTeacher(page: Page) {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/signin?callbackUrl=%2Fassignments");
  await page.getByLabel("Email").fill(seeded.teachers[0].email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/assignments/);
  await page.goto(`/essays/destalinization-origins?assignment=${seeded.assignmentId}`);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await expect(page.locator(".margin-layer > li.margin-group").first()).toBeVisible();
}

/** Each group's first card against its passage, in page px, plus overlaps between neighbours. */
function geometry(page: Page) {
  return page.evaluate(() => {
    const firstMark = new Map<string, Element>();
    for (const mark of document.querySelectorAll("mark[data-ids]")) for (const id of mark.getAttribute("data-ids")!.split(" ")) if (!firstMark.has(id)) firstMark.set(id, mark);
    const groups = [...document.querySelectorAll<HTMLElement>(".margin-layer > li.margin-group")].map((li) => {
      const card = li.firstElementChild!.getBoundingClientRect();
      const box = li.getBoundingClientRect();
      const active = li.querySelector("article[aria-current='true']");
      const anchorId = active?.getAttribute("data-annotation-id") ?? li.dataset.group!;
      return { key: li.dataset.group!, cardTop: card.top, passageTop: firstMark.get(anchorId)!.getBoundingClientRect().top, top: box.top, bottom: box.bottom, isActive: Boolean(active) };
    });
    const overlaps = groups.filter((g, i) => i > 0 && g.top < groups[i - 1].bottom - 10).map((g) => g.key);
    return { groups, overlaps };
  });
}

test("every collapsed group sits level with its passage and none overlap, however many threads the class wrote", async ({ page }) => {
  await openAsTeacher(page);
  const { groups, overlaps } = await geometry(page);
  expect(groups.length).toBeGreaterThan(5);
  const offsets = groups.map((g) => Math.round(g.cardTop - g.passageTop));
  expect(offsets.filter((d) => Math.abs(d) > 1)).toEqual([]);
  expect(overlaps).toEqual([]);
  // Every thread is reachable: the collapsed cards plus their "N more here" add up to all of them.
  const counted = await page.locator(".margin-layer > li.margin-group").evaluateAll((lis) =>
    lis.reduce((n, li) => n + li.querySelectorAll("article").length + Number(/^(\d+) more here$/.exec(li.querySelector(".margin-more")?.textContent ?? "")?.[1] ?? 0), 0),
  );
  const total = Number(/^(\d+) annotations$/.exec((await page.locator(".reader-count").textContent()) ?? "")?.[1]);
  expect(counted).toBe(total);
});

test("a clicked highlight's thread sits exactly level with it, expanded; the others stack without overlapping", async ({ page }) => {
  await openAsTeacher(page);
  const marks = page.locator("mark.hl-peer");
  const count = await marks.count();
  for (const at of [0.15, 0.5, 0.85].map((f) => Math.floor(f * count))) {
    const mark = marks.nth(at);
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    const active = page.locator("article[data-annotation-id][aria-current='true']");
    await expect(active).toBeVisible();
    await expect(active).not.toHaveClass(/is-compact/);
    const id = await active.getAttribute("data-annotation-id");
    const [cardTop, passageTop] = await Promise.all([
      active.evaluate((el) => el.getBoundingClientRect().top),
      page.locator(`mark[data-ids~="${id}"]`).first().evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(Math.abs(cardTop - passageTop)).toBeLessThanOrEqual(1);
    await expect(page.locator(`mark.hl-active[data-ids~="${id}"]`).first()).toBeVisible();
    expect((await geometry(page)).overlaps).toEqual([]);
  }
});

test("“N more here” opens a crowded passage's other threads and closes them again", async ({ page }) => {
  await openAsTeacher(page);
  // The group by its key: once opened, its button no longer says "more here".
  const key = await page.locator(".margin-layer > li.margin-group", { has: page.locator(".margin-more", { hasText: /^\d+ more here$/ }) }).first().getAttribute("data-group");
  const group = page.locator(`.margin-layer > li.margin-group[data-group="${key}"]`);
  const more = group.locator(".margin-more");
  const hidden = Number(/^(\d+)/.exec((await more.textContent())!)![1]);
  await more.click();
  await expect(group.getByRole("button", { name: "Show fewer" })).toHaveAttribute("aria-expanded", "true");
  await expect(group.locator("article[data-annotation-id]")).toHaveCount(hidden + 1);
  expect((await geometry(page)).overlaps).toEqual([]);
  await group.getByRole("button", { name: "Show fewer" }).click();
  await expect(group.locator("article[data-annotation-id]")).toHaveCount(1);
});

test("from the keyboard, Tab reaches a collapsed thread, which opens and marks its passage; the overview strip opens threads too", async ({ page }) => {
  await openAsTeacher(page);
  // Tab from the reader's controls into the margin: the strip's marks come first, then the threads.
  const firstThread = page.locator(".margin-layer article[data-annotation-id]").first();
  const firstId = await firstThread.getAttribute("data-annotation-id");
  await page.getByRole("navigation", { name: "Where the annotations are" }).getByRole("button").last().focus();
  await page.keyboard.press("Tab");
  const focused = page.locator(`article[data-annotation-id="${firstId}"]`);
  await expect(focused).toBeFocused();
  await expect(focused).toHaveAttribute("aria-current", "true");
  await expect(focused).not.toHaveClass(/is-compact/);
  const id = firstId;
  await expect(page.locator(`mark.hl-active[data-ids~="${id}"]`).first()).toBeInViewport();

  const strip = page.getByRole("navigation", { name: "Where the annotations are" });
  const marks = strip.getByRole("button");
  expect(await marks.count()).toBeGreaterThan(3);
  const last = marks.last();
  await expect(last).toHaveAccessibleName(/(flag|comment|highlight)s? .*near “/);
  await last.click();
  const opened = page.locator("article[data-annotation-id][aria-current='true']");
  await expect(opened).toBeVisible();
  await expect(page.locator(`mark.hl-active[data-ids~="${await opened.getAttribute("data-annotation-id")}"]`).first()).toBeInViewport();
});
