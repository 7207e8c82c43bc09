import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync } from "node:fs";
import { describe as describeSpan } from "../../lib/anchoring";
import { DEFAULT_CODES } from "../../lib/annotations/highlight-codes";
import { e2eState, sessionRequest } from "./support/api";
import { expect, test } from "./support/fixtures";
import { requireSession } from "./support/http-session";
import { seedClass, type SeededClass } from "./support/seed-class";

const PASSWORD = "codes-e2e-password";
const SLUG = "destalinization-origins";
/** Where the screenshots are also copied, to be looked at after a run. */
const SHOTS = process.env.CODES_SHOTS_DIR;

type Code = { id: string; label: string; position: number };

/** Selectors on the n-th longer word of the text, so students' marks spread over the reading. */
function wordSpan(text: string, n: number, words = 1) {
  const all = [...text.matchAll(/\p{L}{5,}/gu)];
  const first = all[5 + ((n * 11) % (all.length - 10))];
  const last = all[Math.min(all.indexOf(first) + words - 1, all.length - 1)];
  const { quote, position } = describeSpan(text, first.index, last.index + last[0].length);
  return { quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position };
}

async function signInTo(page: Page, email: string, to: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Tabs to the essay (a keyboard user's way in), as many presses as it takes. */
async function tabToEssay(page: Page) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate(() => document.activeElement?.classList.contains("reader-article"))) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the essay");
}

/** Serious or critical accessibility violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Every student but the first marks three passages, the codes in turn; returns what was posted. */
async function postCodedHighlights(baseUrl: string, seeded: SeededClass, codes: Code[]) {
  const cookies = await Promise.all(seeded.students.slice(1).map((s) => requireSession(baseUrl, s.email, PASSWORD)));
  const posts = cookies.flatMap((cookie, i) =>
    [0, 1, 2].map((k) => ({ cookie, body: { id: randomUUID(), kind: "highlight", scope: "class", codeId: codes[(i + k) % codes.length].id, ...wordSpan(seeded.text, i * 3 + k, 1 + (k % 3)) } })),
  );
  for (const { cookie, body } of posts) {
    expect((await sessionRequest(baseUrl, cookie, "POST", `/api/assignments/${seeded.assignmentId}/annotations`, body)).status).toBe(201);
  }
  return { cookies, posts };
}

async function shoot(page: Page, path: string) {
  await page.screenshot({ path });
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(path, `${SHOTS}/${path.split("/").pop()}`);
  }
}

test.describe("coded highlights", () => {
  let seeded: SeededClass;
  /** A second class, its codes and highlights made over HTTP, for the screenshots on three screens. */
  let shots: SeededClass;
  const { baseUrl, databaseUrl } = e2eState();
  const reader = (c = seeded) => `/essays/${SLUG}?assignment=${c.assignmentId}`;

  test.beforeAll(async () => {
    seeded = await seedClass(databaseUrl, { count: 24, teachers: 1, password: PASSWORD, label: "codes" });
    shots = await seedClass(databaseUrl, { count: 24, teachers: 1, password: PASSWORD, label: "codes-shots" });
    const teacher = await requireSession(baseUrl, shots.teachers[0].email, PASSWORD);
    const codes = [...DEFAULT_CODES, { label: "Context", colour: "purple", cue: "star" }];
    const saved = await sessionRequest(baseUrl, teacher, "PUT", `/api/classes/${shots.classId}/highlight-codes`, { codes });
    await postCodedHighlights(baseUrl, shots, ((await saved.json()) as { codes: Code[] }).codes);
  });

  test("the teacher sets codes, a student codes a passage from the keyboard and filters by it, the teacher filters the heatmap by code", async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    // The class page: one click for the default set, then a fifth code moved up to key 4.
    await signInTo(page, seeded.teachers[0].email, `/classes/${seeded.classId}`);
    await page.getByRole("button", { name: /^Use the default codes/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "The default codes are saved." })).toBeVisible();
    await page.getByRole("button", { name: "Add a code" }).click();
    await page.getByRole("textbox", { name: "Name" }).last().fill("Context");
    await page.getByRole("button", { name: "Move Context up" }).click();
    await page.getByRole("button", { name: "Save codes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Codes saved." })).toBeVisible();
    await shoot(page, testInfo.outputPath("class-codes-1366.png"));
    expect(await seriousViolations(page)).toEqual([]);

    const teacher = await requireSession(baseUrl, seeded.teachers[0].email, PASSWORD);
    const listed = (await (await sessionRequest(baseUrl, teacher, "GET", `/api/classes/${seeded.classId}/highlight-codes`)).json()) as { codes: Code[] };
    expect(listed.codes.map((c) => c.label)).toEqual(["Claim", "Evidence", "Bias", "Context", "Question"]);
    const byLabel = (label: string) => listed.codes.find((c) => c.label === label)!;

    // A class's worth of coded highlights.
    const { cookies, posts } = await postCodedHighlights(baseUrl, seeded, listed.codes);
    const biasCount = posts.filter((p) => p.body.codeId === byLabel("Bias").id).length;

    // The student, keyboard only: into the essay, Enter selects a word, Shift+Ctrl+Right adds the next, 2 codes it Evidence.
    const student = await page.context().browser()!.newContext({ viewport: { width: 1366, height: 768 } });
    const ana = await student.newPage();
    await signInTo(ana, seeded.students[0].email, reader());
    await expect(ana.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    await expect(ana.getByText(/^Highlight codes \(select words, then choose a code or press 1–5\)/)).toBeVisible();
    await tabToEssay(ana);
    await ana.keyboard.press("Enter");
    await ana.keyboard.press("Control+Shift+ArrowRight");
    const toolbar = ana.getByRole("toolbar", { name: "Annotate the selection" });
    await expect(toolbar.getByRole("button", { name: "Highlight as Evidence (square, sky blue)" })).toHaveAttribute("aria-keyshortcuts", "2");
    await shoot(ana, testInfo.outputPath("reader-toolbar-1366.png"));
    await ana.keyboard.press("2");
    await expect(ana.getByRole("status").filter({ hasText: /^Highlighted “.+” as Evidence\.$/ })).toBeAttached();
    const mine = ana.locator("mark.hl-mine.hl-coded[data-code-label='Evidence: ']");
    await expect(mine).toHaveCount(1);
    // Its thread names the code, which its author can change.
    const card = ana.locator("article[data-annotation-id]").filter({ has: ana.getByLabel("Code", { exact: true }) });
    await expect(card.getByLabel("Code", { exact: true })).toHaveValue(byLabel("Evidence").id);

    // The legend counts each code and filters by it: only Evidence marks remain.
    const evidence = ana.getByRole("button", { name: /^Evidence \(square, sky blue\), key 2: \d+ marked/ });
    await evidence.focus();
    await ana.keyboard.press("Enter");
    await expect(evidence).toHaveAttribute("aria-pressed", "true");
    const evidenceCount = posts.filter((p) => p.body.codeId === byLabel("Evidence").id).length + 1;
    await expect(ana.getByText(`${evidenceCount} of ${posts.length + 1} annotations shown`)).toBeVisible();
    const labels = await ana.locator("mark.hl-coded[data-code-label]").evaluateAll((els) => els.map((e) => e.getAttribute("data-code-label")));
    expect(new Set(labels)).toEqual(new Set(["Evidence: "]));
    await ana.keyboard.press("Enter");
    await expect(ana.getByText(`${posts.length + 1} annotations`, { exact: true })).toBeVisible();
    await shoot(ana, testInfo.outputPath("reader-codes-1366.png"));
    await student.close();

    // The teacher's heatmap, filtered by code.
    await page.goto(`/assignments/${seeded.assignmentId}/review`);
    const summary = page.locator(".heatmap-summary");
    await expect(summary).toContainText("Hottest passage");
    const allRuns = await page.locator(".heatmap a").count();
    await page.locator(".heatmap-code select").selectOption({ label: "Bias (triangle, vermillion)" });
    await expect(summary).toContainText("marked as Bias");
    const biasRuns = await page.locator(".heatmap a").count();
    expect(biasRuns).toBeGreaterThan(0);
    // One code's marks are some of all marks: fewer marked passages, and no more students on any.
    expect(biasRuns).toBeLessThan(allRuns);
    expect(biasCount).toBeGreaterThan(0);
    await shoot(page, testInfo.outputPath("heatmap-bias-1366.png"));

    // The students CSV counts by code.
    const csv = await (await sessionRequest(baseUrl, teacher, "GET", `/api/assignments/${seeded.assignmentId}/students.csv`)).text();
    const lines = csv.split("\r\n");
    expect(lines[0].split(",").slice(-5)).toEqual(["Code: Claim", "Code: Evidence", "Code: Bias", "Code: Context", "Code: Question"]);
    const sums = lines.slice(1, -1).reduce((acc, l) => acc.map((n, i) => n + Number(l.split(",").slice(-5)[i])), [0, 0, 0, 0, 0]);
    expect(sums.reduce((a, b) => a + b)).toBe(posts.length + 1);

    // Bad input: a sentence, never a 500; students may not save codes.
    const bad = await sessionRequest(baseUrl, teacher, "PUT", `/api/classes/${seeded.classId}/highlight-codes`, { codes: [{ label: "A", colour: "orange", cue: "ring" }, { label: "a", colour: "sky", cue: "star" }] });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe("Two codes are called “A”: give each its own name.");
    expect((await sessionRequest(baseUrl, cookies[0], "PUT", `/api/classes/${seeded.classId}/highlight-codes`, { codes: [] })).status).toBe(404);
  });

  for (const device of [
    { name: "1366", viewport: { width: 1366, height: 768 }, hasTouch: false },
    { name: "tablet-1024", viewport: { width: 1024, height: 768 }, hasTouch: true },
    { name: "phone-390", viewport: { width: 390, height: 844 }, hasTouch: true },
  ]) {
    test(`the reader with a class's coded highlights at ${device.name}`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ viewport: device.viewport, hasTouch: device.hasTouch, isMobile: device.hasTouch });
      const page = await context.newPage();
      await signInTo(page, shots.students[0].email, reader(shots));
      await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
      await expect(page.locator("mark.hl-coded").first()).toBeVisible();
      // Screen readers hear each coded passage's code: the shape's alternative text is its name (Chromium's tree).
      const cdp = await context.newCDPSession(page);
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { name?: { value?: string } }[] };
      const names = nodes.map((n) => n.name?.value ?? "");
      for (const label of ["Claim: ", "Evidence: ", "Bias: ", "Question: ", "Context: "]) expect(names).toContain(label);
      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(device.viewport.width);
      await page.locator(".reader-filters summary").click();
      await shoot(page, testInfo.outputPath(`reader-codes-${device.name}.png`));
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator(".reader-filters summary").click();
      // A selection's toolbar with the codes stays on screen.
      await tabToEssay(page);
      await page.keyboard.press("Enter");
      await page.keyboard.press("Control+Shift+ArrowRight");
      const toolbar = page.getByRole("toolbar", { name: "Annotate the selection" });
      await expect(toolbar.getByRole("button", { name: /^Highlight as Question/ })).toBeVisible();
      const box = (await toolbar.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(device.viewport.width);
      await shoot(page, testInfo.outputPath(`reader-toolbar-${device.name}.png`));
      await context.close();
    });
  }
});
