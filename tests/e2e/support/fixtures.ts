import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../../prisma/demo-users";

type DemoName = "teacher" | "ana" | "ben" | "chloe";

export const demo: Record<DemoName, { email: string; password: string; name: string }> = {
  teacher: DEMO_USERS[0],
  ana: DEMO_USERS[1],
  ben: DEMO_USERS[2],
  chloe: DEMO_USERS[3],
};

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, who: DemoName, returnTo = "/assignments") {
  const user = demo[who];
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("session-name")).toHaveText(user.name);
}

export const test = base;
export { expect };

/** The demo class's assignment on "My assignments" (teachers may have other classes reading the same essay). */
export function demoAssignmentLink(page: Page) {
  return page.locator("li.card", { hasText: "History 11B" }).getByRole("link", { name: "DeStalinization, The Origins." });
}

/** localStorage key of the reader's "Show every thread in full" (components/reader/reader-view.tsx SHOW_ALL_KEY). */
const SHOW_ALL_KEY = "marginalia.reader.showAll";

/**
 * A browser context whose reader lists every thread in full, in text order
 * ("Show every thread in full", as a screen-reader user would set it), for
 * stories about what threads say and what can be done in them. The margin's
 * collapsed groups have stories of their own (margin.spec.ts, devices/).
 */
export async function newContextWithThreadsInFull(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await showThreadsInFull(context);
  return context;
}

/** The same for a context that exists already (the `page` fixture's): pages opened from now on list threads in full. */
export async function showThreadsInFull(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => window.localStorage.setItem(key, "1"), SHOW_ALL_KEY);
}
