import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type { AnnotationDTO, AnnotationListDTO } from "../../lib/annotations/types";
import { e2eState, sessionRequest } from "./support/api";
import { expect, test } from "./support/fixtures";
import { requireSession } from "./support/http-session";
import { seedClass, type SeededClass } from "./support/seed-class";

/**
 * The review dashboard holding a class's duplicates. The class is seeded for
 * this spec alone (students "Student 1" to "Student 3", teacher "Teacher 4"),
 * so its "1995" flags never meet the demo class's strict locators.
 */
const PASSWORD = "review-at-scale-password-1";

let world: SeededClass;
let baseUrl: string;

/** A class of its own for each story: three students and their teacher, classmates' flags always shown. */
async function seedWorld() {
  const state = e2eState();
  baseUrl = state.baseUrl;
  world = await seedClass(state.databaseUrl, { count: 3, teachers: 1, password: PASSWORD, label: "review-scale", assignments: [{ peerFlagVisibility: "always" }] });
  return Promise.all(world.students.map((s) => requireSession(baseUrl, s.email, PASSWORD)));
}

/** The selectors a flag on the `occurrence`-th `words` of the essay sends, as the reader builds them. */
function selectorsFor(text: string, words: string, occurrence = 1) {
  let start = -1;
  for (let i = 0; i < occurrence; i += 1) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" #${occurrence} is not in the essay`);
  const end = start + words.length;
  const codePoints = (s: string) => Array.from(s).length;
  return {
    quote: { exact: words, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    position: { start: codePoints(text.slice(0, start)), end: codePoints(text.slice(0, end)) },
  };
}

/** A student posts a flag over HTTP, exactly as the reader's flag form would. */
async function flag(cookie: string, words: string, correction: string, occurrence = 1) {
  const res = await sessionRequest(baseUrl, cookie, "POST", `/api/assignments/${world.assignmentId}/flags`, {
    id: randomUUID(),
    scope: "class",
    ...selectorsFor(world.text, words, occurrence),
    category: words === "1995" ? "date_number" : "term_spelling",
    correction,
    rationale: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `${words} should read ${correction}.` }] }] },
    evidence: [],
    tags: [],
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { annotation: AnnotationDTO }).annotation;
}

async function signInAsTeacher(page: Page) {
  const teacher = world.teachers[0];
  await page.goto("/signin?callbackUrl=/assignments");
  await page.getByLabel("Email").fill(teacher.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("session-name")).toHaveText("Teacher 4");
}

/** The finders of one flag as the server now credits them. */
async function findersOf(cookie: string, id: string) {
  const res = await sessionRequest(baseUrl, cookie, "GET", `/api/assignments/${world.assignmentId}/annotations`);
  const list = (await res.json()) as AnnotationListDTO;
  return list.annotations.find((a) => a.id === id)?.flag?.finders.map((f) => f.name);
}

test.describe("teacher review that scales", () => {
  test("the teacher sees three flags of “1995” as one row with their finders and the words around them, merges a duplicate after confirming, undoes it, and hears each result at the card", async ({ browser }) => {
    test.setTimeout(120_000);
    const students = await seedWorld();
    const flags = [];
    for (const cookie of students) flags.push(await flag(cookie, "1995", "1955"));
    // The same garbled word twice in the text: two findings, told apart by their words and their place.
    await flag(students[0], "Desalinization", "De-Stalinization", 1);
    await flag(students[1], "Desalinization", "De-Stalinization", 2);
    const teacherCookie = await requireSession(baseUrl, world.teachers[0].email, PASSWORD);

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAsTeacher(page);
    await page.goto(`/assignments/${world.assignmentId}/review#flag-queue`);
    await expect(page.getByRole("tab", { name: /^Flags/ })).toHaveAttribute("aria-selected", "true");
    const queue = page.getByRole("region", { name: "Flag queue" });
    await expect(queue).toContainText("3 findings (5 flags)");

    // One row for the three identical flags: each finder named, the passage in its sentence, each flag reachable.
    const row = queue.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^“1995” → “1955”/ }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("heading")).toContainText("3 flags");
    // The passage in its sentence (the quotation marks are there for screen readers only).
    await expect(row.locator("blockquote")).toContainText("In “1995” the central committee set up a");
    await expect(row.locator("blockquote mark")).toHaveText("1995");
    await expect(row.locator("dt", { hasText: "Found by" }).locator("+ dd")).toHaveText("Student 1, Student 2 and Student 3");
    for (const [i, f] of flags.entries()) {
      await expect(row.getByRole("link", { name: `Open in the reader: Student ${i + 1}’s flag on “1995”` })).toHaveAttribute("href", new RegExp(`annotation=${f.id}`));
    }
    const desalinization = queue.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^“Desalinization”/ }) });
    await expect(desalinization).toHaveCount(2);
    const places = await desalinization.locator(".review-passage-where").allTextContents();
    expect(places.sort()).toEqual(["the first of 2 places these words stand in the text", "the second of 2 places these words stand in the text"]);
    await expect(desalinization.locator("blockquote").filter({ hasText: "effectively instigated “Desalinization” in the Soviet" })).toHaveCount(1);

    // Merge Student 2's duplicate from the queue: a confirmation first, naming what goes into what and who keeps the credit.
    const second = row.getByRole("listitem", { name: "Student 2’s flag on “1995”" });
    await second.getByRole("button", { name: "Merge Student 2’s flag on “1995” into another flag" }).click();
    const confirm = second.getByRole("region", { name: "Merge Student 2’s flag into Student 1’s flag?" });
    await expect(confirm).toContainText("Student 1’s flag remains, with Student 1 and Student 2 credited as finders.");
    await expect(confirm.getByRole("radio", { name: /Student 3’s flag/ })).toBeEnabled();
    await confirm.getByRole("button", { name: "Merge into Student 1’s flag" }).click();

    // The result is said inside the card that was merged, and the undo is where focus lands.
    await expect(second.getByRole("status")).toHaveText(/^Merged Student 2’s flag on “1995” into Student 1’s flag\./);
    await expect(queue.getByRole("status").filter({ hasText: /^Merged / })).toHaveCount(1);
    const undo = second.getByRole("button", { name: /^Undo merge/ });
    await expect(undo).toBeFocused();
    await expect(row.getByRole("listitem", { name: "Student 1’s flag on “1995”" })).toContainText("Also credited (merged in): Student 2");
    expect(await findersOf(teacherCookie, flags[0].id)).toEqual(["Student 1", "Student 2"]);

    // Undo, from the keyboard: Student 2's flag stands alone again, open, and Student 1's credits only Student 1.
    await page.keyboard.press("Enter");
    await expect(second.getByRole("status")).toHaveText("Merge undone: Student 2’s flag on “1995” stands on its own again (Open).");
    await expect(second).toBeFocused();
    await expect(row.getByRole("listitem", { name: "Student 1’s flag on “1995”" })).not.toContainText("Also credited");
    expect(await findersOf(teacherCookie, flags[0].id)).toEqual(["Student 1"]);
    expect(await findersOf(teacherCookie, flags[1].id)).toEqual(["Student 2"]);

    // A rejected flag is offered as a merge target only marked, and cannot be chosen.
    const third = row.getByRole("listitem", { name: "Student 3’s flag on “1995”" });
    await third.getByRole("button", { name: "Reject: Student 3’s flag on “1995”" }).click();
    await third.getByLabel(/^Why is it rejected/).fill("The date is right in the source this student used.");
    await third.getByRole("button", { name: "Reject flag" }).click();
    await expect(third.getByRole("status")).toHaveText("Rejected Student 3’s flag on “1995”.");
    await second.getByRole("button", { name: "Merge Student 2’s flag on “1995” into another flag" }).click();
    const rejectedTarget = second.getByRole("radio", { name: /Student 3’s flag · Rejected/ });
    await expect(rejectedTarget).toBeDisabled();
    await expect(second.getByText("rejected: reopen it to merge into it")).toBeVisible();
    await second.getByRole("button", { name: "Cancel" }).click();
    // The reader's merge offers the rejected flag the same way.
    const reader = await context.newPage();
    await reader.goto(`/essays/destalinization-origins?assignment=${world.assignmentId}&annotation=${flags[1].id}`);
    const secondCard = reader.locator(`article[data-annotation-id="${flags[1].id}"]`);
    await secondCard.getByRole("button", { name: "Merge Student 2’s flag into another flag" }).click();
    await expect(secondCard.getByRole("radio", { name: /Student 3’s flag · Rejected/ })).toBeDisabled();
    await expect(secondCard.getByText("rejected: reopen it to merge into it")).toBeVisible();
    await expect(secondCard.getByRole("radio", { name: /Student 1’s flag · Open/ })).toBeChecked();
    await reader.close();

    // One decision for the whole finding, said in the finding's own decision box.
    await row.getByRole("button", { name: /^Verify all 3:/ }).click();
    await row.getByRole("button", { name: "Verify all 3 flags" }).click();
    await expect(row.getByRole("group", { name: /^Decide for all 3 flags at once/ }).getByRole("status")).toHaveText(
      "Verified 3 flags on “1995”: Student 1, Student 2 and Student 3.",
    );
    await expect(row.getByRole("heading")).toContainText("Verified");
    await context.close();
  });

  test("the dashboard's tabs are reached and worked by keyboard, old section links open their tab, and the students table fits 1,366 px with key columns that follow the key", async ({ browser }) => {
    test.setTimeout(120_000);
    for (const cookie of await seedWorld()) await flag(cookie, "1995", "1955");
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAsTeacher(page);
    const dashboard = `/assignments/${world.assignmentId}/review`;

    // An old link to a section inside a tab opens the tab and brings the section into view.
    await page.goto(`${dashboard}#who-found-what`);
    await expect(page.getByRole("tab", { name: "Answer key" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("region", { name: "Who found what" })).toBeInViewport();

    // Keyboard: Tab reaches the selected tab, arrows move and open, Tab goes on into the panel.
    await page.goto(dashboard);
    for (let i = 0; i < 40 && !(await page.getByRole("tab", { name: "Heatmap" }).evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press("Tab");
    }
    await expect(page.getByRole("tab", { name: "Heatmap" })).toBeFocused();
    await page.keyboard.press("End");
    await expect(page.getByRole("tab", { name: "Export and import" })).toBeFocused();
    await expect(page.getByRole("region", { name: "Export and import" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Passage heatmap" })).toBeHidden();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Heatmap" })).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Students" })).toHaveAttribute("aria-selected", "true");
    await expect(page).toHaveURL(/#students$/);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("tabpanel", { name: "Students" })).toBeFocused();

    // The table fits: nothing scrolls sideways, in the table's frame or on the page.
    const students = page.getByRole("region", { name: "Students" });
    const frame = students.locator(".review-table-wrap");
    const widths = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.page).toBeLessThanOrEqual(1366);
    const keyFound = (name: string) => students.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) }).locator("td").nth(5);
    await expect(students.getByRole("columnheader", { name: "Key found" })).toBeVisible();
    await expect(keyFound("Student 1")).toHaveText("0");

    // Adding the 1995 hint to the key counts the three finders at once, in the table as in "Who found what", with no reload.
    await page.getByRole("tab", { name: "Answer key" }).click();
    await page.getByRole("region", { name: "Hints" }).getByRole("button", { name: "Add to answer key: “1995”" }).click();
    const byEntry = page.getByRole("region", { name: "Who found what" }).getByRole("list", { name: "Finders per entry" });
    await expect(byEntry.locator("dt", { hasText: "Found by" }).locator("+ dd")).toHaveText("Student 1, Student 2, Student 3");
    await page.getByRole("tab", { name: "Students" }).click();
    for (const name of ["Student 1", "Student 2", "Student 3"]) await expect(keyFound(name)).toHaveText("1");
    await context.close();
  });
  test("the review page comes at once while a new reading's hints are still being prepared, and the browser fetches them, asking again while the server says they are not ready", async ({ browser }) => {
    test.setTimeout(120_000);
    await seedWorld();
    const teacherCookie = await requireSession(baseUrl, world.teachers[0].email, PASSWORD);
    // A reading nobody has opened yet: its hints are in no cache, so the page cannot have them.
    const stamp = Date.now().toString(36);
    const added = await sessionRequest(baseUrl, teacherCookie, "POST", "/api/readings", {
      title: `The Treaty of Paris ${stamp}`,
      author: "A teacher",
      source: "Typed for the class",
      retrieved: "2026-12-01",
      notes: "Written for the hints story.",
      text: "The treaty was signed in 1783. In 1738 the last troops left New York, and in 1784 Congress ratified it.",
    });
    expect(added.status).toBe(201);
    const { essay } = (await added.json()) as { essay: { id: string } };
    const assigned = await sessionRequest(baseUrl, teacherCookie, "POST", `/api/classes/${world.classId}/assignments`, {
      essayId: essay.id,
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(assigned.status).toBe(201);
    const { assignment } = (await assigned.json()) as { assignment: { id: string } };

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInAsTeacher(page);
    // The server is slow to prepare them twice more (a cold worker past its budget answers 503), then answers.
    let asked = 0;
    await page.route(`**/api/assignments/${assignment.id}/hints`, async (route) => {
      asked += 1;
      if (asked > 2) return route.continue();
      return route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "unavailable", message: "The hints for this reading are still being prepared. Try again in a few seconds." } }),
      });
    });
    const response = await page.goto(`/assignments/${assignment.id}/review#hints`);
    expect(response?.status()).toBe(200);
    // Rendered without the hints, saying so, rather than waiting for them or failing.
    expect(await response!.text()).toContain("The automatic checks are still running on this text.");
    const hints = page.getByRole("region", { name: "Hints" });
    await expect(hints.getByRole("status")).toContainText("still running");
    const card = hints.getByRole("listitem").filter({ hasText: "“1738”" });
    await expect(card).toBeVisible({ timeout: 30_000 });
    expect(asked).toBe(3);
    await expect(hints.getByRole("status")).toHaveCount(0);
    // A hint fetched by the browser goes into the key like one that came with the page.
    await card.getByRole("button", { name: "Add to answer key: “1738”" }).click();
    await expect(card.getByRole("button", { name: "In the key: “1738”" })).toBeVisible();
    await context.close();
  });
});
