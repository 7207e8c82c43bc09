/**
 * A class of 30 in one reading: every student posts through the API at once
 * while three students' readers and the teacher's dashboard stay open. The
 * readers follow live, their threads stay level with their passages and
 * never overlap, and the dashboard's counts are the database's.
 */
import type { Browser, Page } from "@playwright/test";
import { e2eState } from "./support/api";
import { postAsClass } from "./support/class-posts";
import { expect, test } from "./support/fixtures";
import { seedClass, withDb, type SeededClass, type SeededUser } from "./support/seed-class";
import { studentCell } from "./support/student-table";

const PASSWORD = "classroom-password";
const PER_STUDENT = 6;

async function openAs(browser: Browser, user: SeededUser, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path.split("?")[0]);
  return page;
}

/** Offsets between each group's first card and its passage (the active thread's, if any), and overlapping groups. */
function marginGeometry(page: Page) {
  return page.evaluate(() => {
    const firstMark = new Map<string, Element>();
    for (const mark of document.querySelectorAll("mark[data-ids]")) for (const id of mark.getAttribute("data-ids")!.split(" ")) if (!firstMark.has(id)) firstMark.set(id, mark);
    const boxes = [...document.querySelectorAll<HTMLElement>(".margin-layer > li.margin-group")].map((li) => {
      const active = li.querySelector("article[aria-current='true']");
      const anchor = firstMark.get(active?.getAttribute("data-annotation-id") ?? li.dataset.group!)!;
      const card = (active ?? li.firstElementChild!).getBoundingClientRect();
      const box = li.getBoundingClientRect();
      return { offset: Math.round(card.top - anchor.getBoundingClientRect().top), isActive: Boolean(active), top: box.top, bottom: box.bottom };
    });
    return {
      offsets: boxes.filter((b) => !b.isActive).map((b) => b.offset),
      activeOffset: boxes.find((b) => b.isActive)?.offset ?? null,
      overlaps: boxes.filter((b, i) => i > 0 && b.top < boxes[i - 1].bottom - 1).length,
    };
  });
}

test.describe("a class of 30 in one reading", () => {
  test.describe.configure({ timeout: 300_000 });
  let seeded: SeededClass;

  test.beforeAll(async () => {
    seeded = await seedClass(e2eState().databaseUrl, { count: 30, teachers: 1, password: PASSWORD, label: "classroom", assignments: [{ peerFlagVisibility: "always" }] });
  });

  test("30 students post at once; three readers follow live with threads level and apart; the dashboard's counts match the database", async ({ browser }) => {
    const { baseUrl, databaseUrl } = e2eState();
    const reader = `/essays/destalinization-origins?assignment=${seeded.assignmentId}`;
    const readers = await Promise.all(seeded.students.slice(0, 3).map((s) => openAs(browser, s, reader)));
    for (const page of readers) await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    const dashboard = await openAs(browser, seeded.teachers[0], `/assignments/${seeded.assignmentId}/review`);
    await dashboard.goto(`/assignments/${seeded.assignmentId}/review#students`);

    const posted = await postAsClass(baseUrl, seeded, { perStudent: PER_STUDENT, stamp: "classroom" });
    expect(posted).toHaveLength(30 * PER_STUDENT);

    for (const page of readers) {
      // Every write arrived live (all are for the class), and each is placed in the margin.
      await expect(page.locator(".reader-count")).toHaveText(`${posted.length} annotations`, { timeout: 60_000 });
      await expect
        .poll(() =>
          page.locator(".margin-layer > li.margin-group").evaluateAll((lis) =>
            lis.reduce((n, li) => n + li.querySelectorAll("article").length + Number(/^(\d+) more here$/.exec(li.querySelector(".margin-more")?.textContent ?? "")?.[1] ?? 0), 0),
          ),
        )
        .toBe(posted.length);
      const before = await marginGeometry(page);
      expect(before.offsets.filter((d) => Math.abs(d) > 1)).toEqual([]);
      expect(before.overlaps).toBe(0);
      // Clicked threads sit exactly level with their passages; nothing overlaps.
      const marks = page.locator("mark.hl[data-ids]");
      const count = await marks.count();
      for (const at of [0.2, 0.7]) {
        const mark = marks.nth(Math.floor(at * count));
        await mark.scrollIntoViewIfNeeded();
        await mark.click();
        await expect(page.locator("article[data-annotation-id][aria-current='true']")).toBeVisible();
        const after = await marginGeometry(page);
        expect(Math.abs(after.activeOffset ?? 99)).toBeLessThanOrEqual(1);
        expect(after.overlaps).toBe(0);
      }
    }

    // The dashboard followed too: each student's counts are what the database holds.
    const stored = await withDb(databaseUrl, async (client) =>
      (
        await client.query<{ name: string; kind: string; n: number }>(
          `select u.name, a.kind::text as kind, count(*)::int as n from annotations a join users u on u.id = a."authorId"
           where a."assignmentId" = $1 and a."deletedAt" is null group by u.name, a.kind`,
          [seeded.assignmentId],
        )
      ).rows,
    );
    const column = { highlight: "Highlights", comment: "Comments", flag: "Flags" } as const;
    for (const name of ["Student 1", "Student 15", "Student 30"]) {
      for (const kind of ["highlight", "comment", "flag"] as const) {
        const n = stored.find((r) => r.name === name && r.kind === kind)?.n ?? 0;
        await expect(await studentCell(dashboard, name, column[kind])).toHaveText(String(n), { timeout: 30_000 });
      }
    }
    await Promise.all([...readers, dashboard].map((p) => p.context().close()));
  });
});
