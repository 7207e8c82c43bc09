import type { Browser, Page, Route } from "@playwright/test";
import type { AnnotationDTO, AnnotationListDTO } from "../../lib/annotations/types";
import { apiRequest, e2eState } from "./support/api";
import { expect, test, newContextWithThreadsInFull } from "./support/fixtures";
import { seedClass, type SeededClass, type SeededUser } from "./support/seed-class";
import { dragSelect } from "./support/text-selection";

const PASSWORD = "retry-class-password";
const TRY_AGAIN = "The database is briefly unavailable. Try again in a moment.";

/** Signs a seeded student in through the form and opens the class's reader. */
async function readerOf(browser: Browser, seeded: SeededClass, student: SeededUser) {
  const context = await newContextWithThreadsInFull(browser);
  const page = await context.newPage();
  await page.goto("/signin?callbackUrl=/assignments");
  await page.getByLabel("Email").fill(student.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator("li.card", { hasText: seeded.name }).getByRole("link", { name: "DeStalinization, The Origins." }).click();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  return { context, page };
}

/**
 * Lets the first POST to `pattern` reach the server, then shows the browser a
 * 503 instead of the answer: the write happened, its answer was lost.
 */
async function loseFirstAnswer(page: Page, pattern: string): Promise<{ sent: () => number }> {
  let sent = 0;
  await page.route(pattern, async (route: Route) => {
    if (route.request().method() !== "POST") return route.fallback();
    sent += 1;
    if (sent > 1) return route.fallback();
    await route.fetch();
    await route.fulfill({ status: 503, json: { error: { code: "unavailable", message: TRY_AGAIN } }, headers: { "Retry-After": "2" } });
  });
  return { sent: () => sent };
}

/** The class's annotations holding `stamp`, as the server has them. */
async function itemsWith(page: Page, seeded: SeededClass, stamp: string): Promise<AnnotationDTO[]> {
  const res = await apiRequest(page.context(), e2eState().baseUrl, "GET", `/api/assignments/${seeded.assignmentId}/annotations`);
  expect(res.status).toBe(200);
  const list = (await res.json()) as AnnotationListDTO;
  return list.annotations.filter((a) => JSON.stringify(a).includes(stamp));
}

test.describe("a post retried after a lost answer is made once", () => {
  test("a comment, a flag and a reply whose first answer is lost are each saved once; a vote is taken back in one click", async ({ browser }) => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const seeded = await seedClass(e2eState().databaseUrl, {
      count: 2,
      password: PASSWORD,
      label: "retries",
      assignments: [{ peerFlagVisibility: "always" }],
    });
    const ana = await readerOf(browser, seeded, seeded.students[0]);

    // A comment: the first Post reaches the server, the browser sees a 503 and says so; Post again.
    const comments = await loseFirstAnswer(ana.page, "**/api/assignments/*/annotations");
    await dragSelect(ana.page, "1995");
    await ana.page.getByRole("button", { name: /Comment/ }).click();
    await ana.page.getByRole("textbox", { name: "Your comment" }).fill(`Retried comment ${stamp}`);
    await ana.page.getByRole("button", { name: "Post comment" }).click();
    await expect(ana.page.getByText(TRY_AGAIN).first()).toBeVisible();
    await ana.page.getByRole("button", { name: "Post comment" }).click();
    const card = ana.page.locator("article[data-annotation-id]", { hasText: `Retried comment ${stamp}` });
    await expect(card).toHaveCount(1);
    expect(comments.sent()).toBe(2);
    expect((await itemsWith(ana.page, seeded, `Retried comment ${stamp}`)).map((a) => a.kind)).toEqual(["comment"]);

    // A reply to it, the same way.
    const replies = await loseFirstAnswer(ana.page, "**/api/annotations/*/replies");
    await card.getByRole("button", { name: /Reply/ }).click();
    await ana.page.getByRole("textbox", { name: /reply/i }).fill(`Retried reply ${stamp}`);
    await ana.page.getByRole("button", { name: "Post reply" }).click();
    await expect(card.getByText(TRY_AGAIN)).toBeVisible();
    await ana.page.getByRole("button", { name: "Post reply" }).click();
    await expect(card.getByText(`Retried reply ${stamp}`)).toHaveCount(1);
    expect(replies.sent()).toBe(2);
    const [commented] = await itemsWith(ana.page, seeded, `Retried comment ${stamp}`);
    expect(commented.replies.map((r) => JSON.stringify(r.body).includes(`Retried reply ${stamp}`))).toEqual([true]);

    // A flag, the same way.
    const flags = await loseFirstAnswer(ana.page, "**/api/assignments/*/flags");
    await dragSelect(ana.page, "Part Congress");
    await ana.page.keyboard.press("f");
    const form = ana.page.getByRole("region", { name: "Flag an error" });
    await form.getByLabel("What kind of error?").selectOption({ label: "Wrong term or spelling" });
    await form.getByLabel("Suggested correction").fill("Party Congress");
    await form.getByRole("textbox", { name: "Why is it wrong? (rationale)" }).fill(`Retried flag ${stamp}`);
    await form.getByRole("button", { name: "Post flag" }).click();
    await expect(form.getByText(TRY_AGAIN).first()).toBeVisible();
    await form.getByRole("button", { name: "Post flag" }).click();
    await expect(ana.page.locator("article[data-annotation-id]", { hasText: `Retried flag ${stamp}` })).toHaveCount(1);
    expect(flags.sent()).toBe(2);
    expect((await itemsWith(ana.page, seeded, `Retried flag ${stamp}`)).map((a) => a.kind)).toEqual(["flag"]);

    // A classmate disagrees with the flag, then presses the pressed "Disagree" to take the vote back:
    // a DELETE with no body, which the JSON check must accept.
    const ben = await readerOf(browser, seeded, seeded.students[1]);
    const benCard = ben.page.locator("article[data-annotation-id]", { hasText: `Retried flag ${stamp}` });
    const disagree = benCard.getByRole("button", { name: "Disagree", exact: true });
    await disagree.click();
    await expect(disagree).toHaveAttribute("aria-pressed", "true");
    await expect(benCard.locator(".flag-tally")).toHaveText("0 agree · 1 disagree");
    const withdrawn = ben.page.waitForResponse((r) => r.request().method() === "DELETE" && r.url().endsWith("/vote"));
    await disagree.click();
    expect((await withdrawn).status()).toBe(200);
    await expect(disagree).toHaveAttribute("aria-pressed", "false");
    await expect(benCard.locator(".flag-tally")).toHaveText("No votes yet");
    await expect(benCard.getByText("Send the request as JSON")).toHaveCount(0);
    const [flag] = await itemsWith(ben.page, seeded, `Retried flag ${stamp}`);
    expect([flag.flag?.myVote, flag.flag?.votes]).toEqual([null, { agree: 0, disagree: 0 }]);

    await ana.context.close();
    await ben.context.close();
  });
});
