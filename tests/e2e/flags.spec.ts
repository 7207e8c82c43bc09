import type { Browser, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { demoAssignmentLink, expect, signIn, test, newContextWithThreadsInFull } from "./support/fixtures";
import { dragSelect } from "./support/text-selection";

const READER = "/assignments";
const PEER_NOTE = /Classmates' flags are hidden for now/;

async function openEssay(page: Page) {
  await demoAssignmentLink(page).click();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}

/** Serious or critical axe violations on the page, as readable lines. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function readerAs(browser: Browser, who: "ana" | "ben" | "chloe" | "teacher") {
  const context = await newContextWithThreadsInFull(browser);
  const page = await context.newPage();
  await signIn(page, who, READER);
  await openEssay(page);
  return { context, page };
}

/** Selects `words`, opens the flag form with F, and fills category, correction and rationale. */
async function startFlag(page: Page, words: string, category: string, correction: string, rationale: string) {
  await dragSelect(page, words);
  await expect(page.getByRole("toolbar", { name: "Annotate the selection" })).toBeVisible();
  await page.keyboard.press("f");
  const form = page.getByRole("region", { name: "Flag an error" });
  await expect(form.getByLabel("What kind of error?")).toBeFocused();
  await form.getByLabel("What kind of error?").selectOption({ label: category });
  await expect(form.getByLabel("Suggested correction")).toHaveValue(words);
  await form.getByLabel("Suggested correction").fill(correction);
  await form.getByRole("textbox", { name: "Why is it wrong? (rationale)" }).fill(rationale);
  return form;
}

test.describe("flagging errors in the source", () => {
  test("a student flags “1995” → “1955” with a citation; a second student agrees; the teacher verifies it; the student sees verified", async ({ browser }) => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const ana = await readerAs(browser, "ana");

    // Ana flags the date, citing a source; a non-web link is refused before sending.
    const form = await startFlag(ana.page, "1995", "Wrong date or number", "1955", `The commission met in 1955 ${stamp}`);
    await form.getByRole("button", { name: "Add a source" }).click();
    const source = form.getByRole("group", { name: "Source 1" });
    await expect(source.getByLabel("Title")).toBeFocused();
    await source.getByLabel("Title").fill("Khrushchev: The Man and His Era");
    await source.getByLabel("Author").fill("William Taubman");
    await source.getByLabel("Year").fill("2003");
    await source.getByLabel("Link").fill("ftp://example.org/taubman");
    await source.getByLabel("Page or locator").fill("p. 270");
    await source.getByLabel("Quoted passage").fill("In late 1955 the Presidium set up a commission");
    expect(await seriousViolations(ana.page)).toEqual([]);
    await form.getByRole("button", { name: "Post flag" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "must start with http:// or https://" }).first()).toBeVisible();
    await expect(source.getByLabel("Link")).toBeFocused();
    await source.getByLabel("Link").fill("https://example.org/taubman");
    await form.getByRole("button", { name: "Post flag" }).click();

    const anaCard = ana.page.locator("article[data-annotation-id]", { hasText: `met in 1955 ${stamp}` });
    await expect(anaCard).toBeVisible();
    await expect(anaCard.locator(".flag-correction del")).toHaveText("1995");
    await expect(anaCard.locator(".flag-correction ins")).toHaveText("1955");
    await expect(anaCard.locator(".flag-badge")).toHaveText(/Open/);
    const link = anaCard.getByRole("link", { name: "Khrushchev: The Man and His Era" });
    await expect(link).toHaveAttribute("href", "https://example.org/taubman");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow ugc");

    // In the text: the mark carries the correction for CSS, and "→ 1955" is not DOM text.
    const mark = ana.page.locator("mark.hl-flag-open", { hasText: "1995" });
    await expect(mark).toHaveAttribute("data-correction", "1955");
    expect(await mark.evaluate((el) => getComputedStyle(el, "::after").content)).toContain("1955");
    expect(await ana.page.locator("article.reader-article").textContent()).not.toContain("→");

    // Ben cannot see classmates' flags until he has posted one of his own.
    const ben = await readerAs(browser, "ben");
    await expect(ben.page.getByText(PEER_NOTE)).toBeVisible();
    await expect(ben.page.locator("article[data-annotation-id]", { hasText: stamp })).toHaveCount(0);
    const benForm = await startFlag(ben.page, "Part Congress", "Wrong term or spelling", "Party Congress", `It is the Party Congress ${stamp}`);
    await benForm.getByRole("button", { name: "Post flag" }).click();
    await expect(ben.page.locator("article[data-annotation-id]", { hasText: `Party Congress ${stamp}` })).toBeVisible();
    await expect(ben.page.getByText(PEER_NOTE)).toHaveCount(0);

    // ...and now agrees with Ana's flag, giving a reason.
    const anaCardForBen = ben.page.locator("article[data-annotation-id]", { hasText: `met in 1955 ${stamp}` });
    await expect(anaCardForBen).toBeVisible();
    // The reason field opens on demand, and takes the focus.
    await anaCardForBen.getByRole("button", { name: "Vote with a reason" }).click();
    await expect(anaCardForBen.getByLabel("Reason for your vote (optional)")).toBeFocused();
    await anaCardForBen.getByLabel("Reason for your vote (optional)").fill("Taubman dates it to 1955 too");
    const agree = anaCardForBen.getByRole("button", { name: "Agree", exact: true });
    await expect(agree).toHaveAttribute("aria-pressed", "false");
    await agree.click();
    await expect(agree).toHaveAttribute("aria-pressed", "true");
    await expect(anaCardForBen.locator(".flag-tally")).toHaveText("1 agree · 0 disagree");
    expect(await seriousViolations(ben.page)).toEqual([]);
    // Ana cannot vote on her own flag.
    await expect(anaCard.getByRole("button", { name: "Agree", exact: true })).toHaveCount(0);

    // The teacher sees the vote and verifies the flag with a note.
    const teacher = await readerAs(browser, "teacher");
    const teacherCard = teacher.page.locator("article[data-annotation-id]", { hasText: `met in 1955 ${stamp}` });
    await expect(teacherCard.locator(".flag-tally")).toHaveText("1 agree · 0 disagree");
    await teacherCard.getByRole("button", { name: /^Verify/ }).click();
    await expect(teacherCard.getByLabel("Correction", { exact: true })).toHaveValue("1955");
    await teacherCard.getByLabel("Note to the class (optional)").fill(`Confirmed against Taubman ${stamp}`);
    await teacherCard.getByRole("button", { name: "Verify flag" }).click();
    await expect(teacherCard.locator(".flag-badge")).toHaveText(/Verified/);

    // Ana sees it verified without reloading, in the card and in the text.
    await expect(anaCard.locator(".flag-badge")).toHaveText(/Verified/, { timeout: 5_000 });
    await expect(anaCard.locator(".flag-status-reason")).toHaveText(`Teacher's note: Confirmed against Taubman ${stamp}`);
    await expect(ana.page.locator("mark.hl-flag-verified", { hasText: "1995" })).toBeVisible();
    await expect(anaCard.getByRole("button", { name: "Edit flag" })).toHaveCount(0);
    await anaCard.getByText(/^History/).click();
    await expect(anaCard.locator(".flag-audit-list")).toContainText("Open → Verified");

    // The errata view shows the corrected sentence and lists the erratum.
    await ana.page.getByRole("link", { name: "Errata" }).click();
    await expect(ana.page.getByRole("heading", { level: 1 })).toBeVisible();
    await ana.page.getByRole("button", { name: "Corrected", exact: true }).click();
    await expect(ana.page.getByText("In 1955 the central committee", { exact: false }).first()).toBeVisible();
    const erratum = ana.page.locator("li.erratum", { hasText: "1995" }).filter({ hasText: "1955" }).first();
    await expect(erratum).toBeVisible();
    await expect(erratum).toContainText("Ana Petrova");

    await ana.context.close();
    await ben.context.close();
    await teacher.context.close();
  });

  test("the teacher merges a duplicate flag after confirming, both finders are credited, and the merge is undone", async ({ browser }) => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const ana = await readerAs(browser, "ana");
    await (await startFlag(ana.page, "1953", "Wrong date or number", "1956", `Ana: the speech was in 1956 ${stamp}`))
      .getByRole("button", { name: "Post flag" })
      .click();
    await expect(ana.page.locator("article[data-annotation-id]", { hasText: `Ana: the speech was in 1956 ${stamp}` })).toBeVisible();
    const chloe = await readerAs(browser, "chloe");
    await (await startFlag(chloe.page, "1953", "Wrong date or number", "1956", `Chloe: should be 1956 ${stamp}`))
      .getByRole("button", { name: "Post flag" })
      .click();
    await expect(chloe.page.locator("article[data-annotation-id]", { hasText: `Chloe: should be 1956 ${stamp}` })).toBeVisible();

    const teacher = await readerAs(browser, "teacher");
    const anaCard = teacher.page.locator("article[data-annotation-id]", { hasText: `Ana: the speech was in 1956 ${stamp}` });
    const chloeCard = teacher.page.locator("article[data-annotation-id]", { hasText: `Chloe: should be 1956 ${stamp}` });
    // Merging asks first, saying what goes into what and who keeps the credit.
    await chloeCard.getByRole("button", { name: "Merge Chloe Martin’s flag into another flag" }).click();
    await expect(chloeCard.getByText("Merge Chloe Martin’s flag into Ana Petrova’s flag?")).toBeVisible();
    await expect(chloeCard.getByText("Ana Petrova’s flag remains, with Ana Petrova and Chloe Martin credited as finders.")).toBeVisible();
    await chloeCard.getByRole("button", { name: "Merge into Ana Petrova’s flag" }).click();
    await expect(chloeCard.locator(".flag-badge")).toHaveText(/Merged/);
    await expect(anaCard.locator(".flag-finders")).toHaveText("Found by Ana Petrova, Chloe Martin");
    await expect(anaCard.getByRole("button", { name: /into another flag$/ })).toHaveCount(0);

    // And the merge can be undone: Chloe's flag stands on its own again, and Ana's credits only Ana.
    await chloeCard.getByRole("button", { name: /^Undo merge/ }).click();
    await expect(chloeCard.locator(".flag-badge")).toHaveText(/Open/);
    await expect(anaCard.locator(".flag-finders")).toHaveText("Found by Ana Petrova");
    await expect(chloeCard.getByRole("button", { name: "Merge Chloe Martin’s flag into another flag" })).toBeVisible();

    await ana.context.close();
    await chloe.context.close();
    await teacher.context.close();
  });

  test("the teacher asks for evidence and the student resubmits the flag with a source", async ({ browser }) => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const ana = await readerAs(browser, "ana");
    await (await startFlag(ana.page, "1930’s", "Wrong term or spelling", "1930s", `No apostrophe in decades ${stamp}`))
      .getByRole("button", { name: "Post flag" })
      .click();
    const anaCard = ana.page.locator("article[data-annotation-id]", { hasText: `No apostrophe in decades ${stamp}` });
    await expect(anaCard.locator(".flag-badge")).toHaveText(/Open/);

    const teacher = await readerAs(browser, "teacher");
    const teacherCard = teacher.page.locator("article[data-annotation-id]", { hasText: `No apostrophe in decades ${stamp}` });
    await teacherCard.getByRole("button", { name: /^Needs evidence/ }).click();
    await teacherCard.getByLabel("What evidence is needed?").fill("Cite a style guide.");
    await teacherCard.getByRole("button", { name: "Ask for evidence" }).click();
    await expect(teacherCard.locator(".flag-badge")).toHaveText(/Needs evidence/);

    // Ana sees the request live, adds a source and resubmits: the flag is open again.
    await expect(anaCard.locator(".flag-badge")).toHaveText(/Needs evidence/, { timeout: 5_000 });
    await expect(anaCard.locator(".flag-status-reason")).toHaveText("Evidence your teacher asks for: Cite a style guide.");
    await anaCard.getByRole("button", { name: "Add evidence and resubmit" }).click();
    const edit = anaCard.getByRole("region", { name: "Edit your flag" });
    await expect(edit.getByLabel("Suggested correction")).toHaveValue("1930s");
    await edit.getByRole("button", { name: "Add a source" }).click();
    await edit.getByLabel("Title").fill("The Chicago Manual of Style");
    await edit.getByLabel("Page or locator").fill("9.34");
    await edit.getByRole("button", { name: "Resubmit flag" }).click();
    await expect(anaCard.locator(".flag-badge")).toHaveText(/Open/);
    await expect(anaCard.getByRole("link", { name: "The Chicago Manual of Style" })).toHaveCount(0);
    await expect(anaCard.locator(".flag-evidence")).toContainText("The Chicago Manual of Style, 9.34");
    await expect(teacherCard.locator(".flag-badge")).toHaveText(/Open/, { timeout: 5_000 });

    await ana.context.close();
    await teacher.context.close();
  });
});
