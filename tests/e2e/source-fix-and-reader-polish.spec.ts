import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { describe as describeSpan } from "../../lib/anchoring";
import { apiRequest, e2eState } from "./support/api";
import { expect, test, newContextWithThreadsInFull } from "./support/fixtures";
import { seedClass, withDb, type SeededUser } from "./support/seed-class";
import { dragSelect } from "./support/text-selection";

const PASSWORD = "source-fix-password";
const WRONG = "In 1995 the central committee set up the Pospelov commission to look into the purges of the thirties.";

/** Signs a seeded account in through the real form, in a context of its own. */
async function signInSeeded(browser: Browser, user: SeededUser): Promise<Page> {
  const context = await newContextWithThreadsInFull(browser, { viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto("/signin?callbackUrl=%2Fassignments");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/assignments/);
  return page;
}

test.describe("after a source fix, and the reader's small things", () => {
  // Several sign-ins and API round trips each; the shared CI machine can be slow.
  test.describe.configure({ timeout: 180_000 });

  test("a teacher corrects a date the class flagged: the reader shows the corrected word plainly, the card says fixed and not changed", async ({
    browser,
  }) => {
    const { baseUrl, databaseUrl } = e2eState();
    const seeded = await seedClass(databaseUrl, { count: 1, teachers: 1, password: PASSWORD, label: "srcfix", assignments: [{ peerFlagVisibility: "always" }] });
    const teacher = await signInSeeded(browser, seeded.teachers[0]);
    const reading = { title: "Source fix", author: "Test", source: "Typed by the teacher", sourceUrl: "", retrieved: "2026-11-01", notes: "For the e2e test.", text: WRONG, format: "txt", isShared: false };
    const added = await apiRequest(teacher.context(), baseUrl, "POST", "/api/readings", reading);
    expect(added.status).toBe(201);
    const { essay } = (await added.json()) as { essay: { id: string; slug: string } };
    await withDb(databaseUrl, (client) => client.query(`update assignments set "essayId" = $1 where id = $2`, [essay.id, seeded.assignmentId]));

    const student = await signInSeeded(browser, seeded.students[0]);
    const start = WRONG.indexOf("1995");
    const { quote, position } = describeSpan(WRONG, start, start + 4);
    const flagged = await apiRequest(student.context(), baseUrl, "POST", `/api/assignments/${seeded.assignmentId}/flags`, {
      id: randomUUID(),
      scope: "class",
      quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" },
      position,
      category: "date_number",
      correction: "1955",
      rationale: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Set up in late 1955." }] }] },
      evidence: [],
      tags: [],
    });
    expect(flagged.status).toBe(201);
    const { annotation } = (await flagged.json()) as { annotation: { id: string } };
    const fixed = await apiRequest(teacher.context(), baseUrl, "PATCH", `/api/readings/${essay.id}`, { ...reading, text: WRONG.replace("1995", "1955") });
    expect(fixed.status).toBe(200);

    await student.goto(`/essays/${essay.slug}?assignment=${seeded.assignmentId}`);
    const article = student.locator("article.reader-article");
    await expect(article).toContainText("In 1955 the central committee");
    const mark = article.locator(`mark[data-ids~="${annotation.id}"]`);
    await expect(mark).toHaveText("1955");
    await expect(mark).toHaveClass(/hl-flag-fixed/);
    await expect(mark).not.toHaveAttribute("data-correction");
    // Nothing in the essay is struck through: no <s>/<del>, no line-through on the word or its generated text.
    await expect(article.locator("s, del, strike")).toHaveCount(0);
    const decorations = await mark.evaluate((el) => [getComputedStyle(el).textDecorationLine, getComputedStyle(el, "::after").content]);
    expect(decorations[0]).not.toContain("line-through");
    expect(decorations[1]).toBe("none");
    const card = student.locator(`[data-annotation-id="${annotation.id}"]`);
    await expect(card).toContainText("Fixed in the source");
    await expect(card).toContainText("The source now reads: “1955”");
    await expect(card).not.toContainText("The passage was changed");
    await expect(card).not.toContainText("edited");
    await teacher.context().close();
    await student.context().close();
  });

  test("pressing H after a mouse selection leaves no focus frame around the essay, and a student with hints off never asks for them", async ({
    browser,
  }) => {
    const { databaseUrl } = e2eState();
    const seeded = await seedClass(databaseUrl, { count: 1, password: PASSWORD, label: "polish", assignments: [{ hintVisibility: "never" }] });
    const page = await signInSeeded(browser, seeded.students[0]);
    const hintRequests: string[] = [];
    const failures: string[] = [];
    page.on("request", (req) => void (req.url().includes("/hints") && hintRequests.push(req.url())));
    page.on("console", (msg) => void (msg.type() === "error" && failures.push(msg.text())));
    await page.goto(`/essays/destalinization-origins?assignment=${seeded.assignmentId}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await dragSelect(page, "central committee");
    await page.keyboard.press("h");
    await expect(page.locator("p[role=status]", { hasText: "Highlighted “central committee”" })).toBeAttached();
    const article = page.locator("article.reader-article");
    const ring = await article.evaluate((el) => ({ focused: el === document.activeElement, outline: getComputedStyle(el).outlineStyle }));
    // Focus stays in the essay (the next selection can start at once), but draws no frame.
    expect(ring).toEqual({ focused: true, outline: "none" });

    // Reached by Tab, the essay still shows where focus is, with a thinner ring.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (let i = 0; i < 60 && !(await article.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    const byTab = await article.evaluate((el) => ({ focused: el === document.activeElement, style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth }));
    expect(byTab).toEqual({ focused: true, style: "solid", width: "2px" });

    // The reader's requests on mount (annotations, live stream) have had their time; hints were never asked for.
    await page.waitForTimeout(1_000);
    expect(hintRequests).toEqual([]);
    expect(failures.filter((f) => f.includes("404"))).toEqual([]);
    await page.context().close();
  });

  test("a teacher copies the join link with one button, and the classes page lists the essay the class reads", async ({ browser }) => {
    const { databaseUrl } = e2eState();
    const seeded = await seedClass(databaseUrl, { count: 1, teachers: 1, password: PASSWORD, label: "copy" });
    const page = await signInSeeded(browser, seeded.teachers[0]);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);

    await page.goto("/classes");
    const readings = page.getByRole("list", { name: "Readings your classes use or you added" });
    await expect(readings.getByRole("listitem").filter({ hasText: "DeStalinization, The Origins." })).toContainText(`read in ${seeded.name}`);
    await expect(page.getByText("You have not added a reading yet")).toHaveCount(0);
    await expect(page.getByText("Readings you add in the app appear here")).toHaveCount(0);

    await page.goto(`/classes/${seeded.classId}`);
    const link = `${new URL(page.url()).origin}/join?code=${seeded.joinCode}`;
    await page.getByRole("button", { name: "Copy the join link" }).click();
    await expect(page.locator(".copy-status")).toHaveText("Copied.");
    await expect(page.locator(".copy-status")).toHaveAttribute("aria-live", "polite");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // Without the clipboard API (plain http on a school network), the link is selected for Ctrl+C instead.
    await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }));
    await page.getByRole("button", { name: "Copy the join link" }).click();
    await expect(page.locator(".copy-status")).toContainText("press Ctrl+C");
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(link);
    await page.context().close();
  });
});
