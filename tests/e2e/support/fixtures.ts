import { test as base, expect, type Page } from "@playwright/test";
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
