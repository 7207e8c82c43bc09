import { randomUUID } from "node:crypto";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { e2eState } from "./support/api";
import { expect, test } from "./support/fixtures";
import { seedClass, withDb, type SeededClass, type SeededUser } from "./support/seed-class";
import { dragSelect } from "./support/text-selection";

/**
 * Guiding questions with a class's worth of students (30, seeded for this spec
 * alone: "Student 1" … "Student 30", teacher "Teacher 31"), and copying the
 * assignment to the teacher's other class.
 */
const PASSWORD = "guiding-questions-password-1";
const SIZES: Record<string, BrowserContextOptions> = {
  desktop: { viewport: { width: 1366, height: 768 } },
  tablet: { viewport: { width: 1024, height: 768 }, hasTouch: true },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
};

let world: SeededClass;
let otherClass: SeededClass;

/** Classmates' comments on a few passages, straight into the database: a class's margin to read the guide beside. */
async function seedClassWork(databaseUrl: string) {
  const words = ["Khrushchev", "secret speech", "Stalin", "1956", "Politburo", "cult of personality"];
  await withDb(databaseUrl, async (client) => {
    for (const [i, student] of world.students.entries()) {
      const w = words[i % words.length];
      const at = world.text.indexOf(w);
      if (at < 0) continue;
      const cp = (s: string) => Array.from(s).length;
      const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Note ${i + 1} on ${w}.` }] }] };
      await client.query(
        `insert into annotations (id, "assignmentId", "authorId", "revisionId", kind, scope, exact, prefix, suffix, "startCp", "endCp", body, "updatedAt")
         select $1, $2, $3, r.id, 'comment', 'class', $4, $5, $6, $7, $8, $9::jsonb, now()
           from essay_revisions r where r."essayId" = $10 order by r.number desc limit 1`,
        [randomUUID(), world.assignmentId, student.id, w, world.text.slice(Math.max(0, at - 32), at), world.text.slice(at + w.length, at + w.length + 32), cp(world.text.slice(0, at)), cp(world.text.slice(0, at + w.length)), JSON.stringify(body), world.essayId],
      );
    }
  });
}

async function signInAs(page: Page, user: SeededUser, name: string) {
  await page.goto("/signin?callbackUrl=/assignments");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("session-name")).toHaveText(name);
}

async function openAs(browser: Browser, size: string, user: SeededUser, name: string) {
  const context = await browser.newContext(SIZES[size]);
  const page = await context.newPage();
  await signInAs(page, user, name);
  return { context, page };
}

/** Presses Tab until `target` has focus (a few stops at most), as a keyboard user moves through a card. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>) {
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  await expect(target).toBeFocused();
}

const readerUrl = (assignmentId: string) => `/essays/destalinization-origins?assignment=${assignmentId}`;

test.describe("guiding questions", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async () => {
    const { databaseUrl } = e2eState();
    world = await seedClass(databaseUrl, { count: 30, teachers: 1, password: PASSWORD, label: "guides" });
    otherClass = await seedClass(databaseUrl, { count: 2, password: PASSWORD, label: "guides-next-year" });
    // Teacher 31 teaches next year's class too.
    await withDb(databaseUrl, (client) =>
      client.query(`insert into memberships (id, "userId", "classroomId", role) values (gen_random_uuid()::text, $1, $2, 'teacher')`, [world.teachers[0].id, otherClass.classId]),
    );
    await seedClassWork(databaseUrl);
  });

  test("the teacher pins a question; a student sees it at once and answers by keyboard; the review counts who answered", async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const teacher = await openAs(browser, "desktop", world.teachers[0], "Teacher 31");
    const student = await openAs(browser, "desktop", world.students[0], "Student 1");
    for (const { page } of [teacher, student]) {
      await page.goto(readerUrl(world.assignmentId));
      await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    }

    // The teacher pins a guiding question to a passage nobody has marked yet.
    const t = teacher.page;
    await dragSelect(t, "central committee");
    await t.getByRole("button", { name: /Comment/ }).click();
    await t.getByLabel("Post as").selectOption("question");
    await expect(t.getByRole("heading", { name: "New guiding question" })).toBeVisible();
    await t.getByRole("textbox", { name: "Your words to the class" }).click();
    await t.keyboard.type("Why did the speech have to stay secret?");
    await t.getByRole("button", { name: "Pin for the class" }).click();
    await expect(t.getByRole("status").filter({ hasText: "Pinned for the class." })).toBeAttached();

    // The student's reader shows it at once, marked as the teacher's question in words and a symbol.
    const s = student.page;
    const card = s.locator("article.is-guide");
    await expect(card).toHaveCount(1, { timeout: 10_000 });
    await expect(card).toContainText("Teacher’s question");
    await card.focus();
    await expect(card).toContainText("Why did the speech have to stay secret?");
    await s.screenshot({ path: testInfo.outputPath("student-sees-guide-1366.png") });

    // …and answers it from the keyboard alone.
    const answerButton = s.getByRole("button", { name: /^Answer Teacher 31’s question/ });
    await tabTo(s, answerButton);
    await s.keyboard.press("Enter");
    const answerBox = s.getByRole("textbox", { name: /^Your answer to Teacher 31’s question/ });
    await expect(answerBox).toBeFocused();
    await s.keyboard.type("Because criticising Stalin openly could split the party.");
    await tabTo(s, s.getByRole("button", { name: "Post answer" }));
    await s.keyboard.press("Enter");
    await expect(card.getByRole("list", { name: /^Answers to Teacher 31’s question/ })).toContainText("could split the party");

    // Seventeen more classmates answer (straight into the database: the count is what is under test here).
    const guideId = (await card.getAttribute("data-annotation-id"))!;
    await withDb(e2eState().databaseUrl, async (client) => {
      for (const other of world.students.slice(1, 18)) {
        const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "An answer." }] }] };
        await client.query(`insert into replies (id, "annotationId", "authorId", body, "updatedAt") values ($1, $2, $3, $4::jsonb, now())`, [randomUUID(), guideId, other.id, JSON.stringify(body)]);
      }
    });

    // The teacher's review: answered by 18 of 30, with the names of those who have not answered yet.
    await t.goto(`/assignments/${world.assignmentId}/review#guiding-questions`);
    await expect(t.getByRole("tab", { name: "Questions" })).toHaveAttribute("aria-selected", "true");
    const item = t.locator(`[data-guide-id="${guideId}"]`);
    await expect(item).toContainText("Answered by 18 of 30 students");
    await item.getByText("Not answered yet (12)").click();
    await expect(item.getByRole("listitem").filter({ hasText: /^Student 30$/ })).toBeVisible();
    await t.screenshot({ path: testInfo.outputPath("review-answers-1366.png"), fullPage: true });
    await teacher.context.close();
    await student.context.close();
  });

  test("the reader and the review read well on a tablet and a phone", async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    for (const size of ["tablet", "phone"]) {
      const student = await openAs(browser, size, world.students[1], "Student 2");
      const s = student.page;
      await s.goto(readerUrl(world.assignmentId));
      await expect(s.getByRole("status").filter({ hasText: "Live" })).toBeAttached();
      await s.locator("mark", { hasText: "central committee" }).first().click();
      await expect(s.locator("article.is-guide")).toContainText("Teacher’s question");
      const overflow = await s.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${size}: the page is wider than the screen`).toBeLessThanOrEqual(0);
      await s.screenshot({ path: testInfo.outputPath(`student-guide-${size}.png`) });
      await student.context.close();

      const teacher = await openAs(browser, size, world.teachers[0], "Teacher 31");
      await teacher.page.goto(`/assignments/${world.assignmentId}/review#guiding-questions`);
      await expect(teacher.page.getByText("Answered by 18 of 30 students")).toBeVisible();
      expect(await teacher.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await teacher.page.screenshot({ path: testInfo.outputPath(`review-answers-${size}.png`), fullPage: true });
      await teacher.context.close();
    }
  });

  test("the teacher copies the assignment, its question included, to next year's class from the keyboard", async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    const teacher = await openAs(browser, "desktop", world.teachers[0], "Teacher 31");
    const t = teacher.page;
    await t.goto(`/assignments/${world.assignmentId}/review`);
    const summary = t.getByText("Copy to another class");
    await summary.focus();
    await t.keyboard.press("Enter");
    const copy = t.locator("details.copy-assignment");
    await copy.getByLabel("Class to copy to").selectOption({ label: otherClass.name });
    await copy.getByLabel("Due in that class").fill("2031-05-20T09:00");
    await copy.getByRole("button", { name: "Copy assignment" }).focus();
    await t.keyboard.press("Enter");
    const status = t.getByRole("status").filter({ hasText: "Copied to" });
    await expect(status).toContainText(`Copied to ${otherClass.name} with 1 guiding question and 0 answer-key entries.`);
    await t.screenshot({ path: testInfo.outputPath("copy-1366.png") });
    await status.getByRole("link", { name: "Open the copy" }).click();
    await expect(t.getByRole("heading", { name: /^Review:/ })).toBeVisible();
    const copyId = /assignments\/([^/]+)\/review/.exec(t.url())![1];
    expect(copyId).not.toBe(world.assignmentId);

    // Next year's students find the question waiting, and none of this year's answers.
    const pupil = await openAs(browser, "desktop", otherClass.students[0], "Student 1");
    await pupil.page.goto(readerUrl(copyId));
    const card = pupil.page.locator("article.is-guide");
    await expect(card).toContainText("Why did the speech have to stay secret?");
    await expect(card).not.toContainText("answer");
    await teacher.context.close();
    await pupil.context.close();
  });
});
