import { startApp, type RunningApp } from "../../scripts/app-server";
import { e2eState } from "./support/api";
import { E2E_APP_ENV } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";

/**
 * The per-network sign-up limit only applies behind a trusted proxy, so this
 * story runs on its own app instance started with TRUST_PROXY=1 and a limit
 * of three, on the e2e database; the request's X-Forwarded-For plays the proxy.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 6;
const LIMIT = 3;
const THROTTLED = /^Too many accounts have been created from this network\. Try again in \d+ minutes, or ask your teacher to add you to the class\.$/;

test.describe("sign-up throttling", () => {
  let app: RunningApp | null = null;

  test.afterAll(async () => {
    await app?.stop();
  });

  test("a script creating accounts from one school network is stopped; a student there is told why on the form", async ({ browser }) => {
    test.setTimeout(90_000);
    app = await startApp({
      port: PORT,
      databaseUrl: e2eState().databaseUrl,
      quiet: true,
      env: { ...E2E_APP_ENV, TRUST_PROXY: "1", SIGNUP_RATE_IP_MAX: String(LIMIT) },
    });
    const stamp = Date.now().toString(36);
    const school = `198.51.100.${1 + (Date.now() % 250)}`;
    const signUp = (email: string, from = school) =>
      fetch(`${app!.url}/api/signup`, {
        method: "POST",
        headers: { Origin: app!.url, "Content-Type": "application/json", "X-Forwarded-For": from },
        body: JSON.stringify({ name: "Scripted", email, password: "scripted-password" }),
      });

    for (let i = 0; i < LIMIT; i++) expect((await signUp(`script-${stamp}-${i}@throttle.school`)).status).toBe(201);
    const refused = await signUp(`script-${stamp}-x@throttle.school`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(THROTTLED);

    // A student on the same network fills the form: the proxy reports the same address.
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.route("**/api/signup", (route) => route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": school } }));
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Eva Throttled");
    await page.getByLabel("Email").fill(`eva-${stamp}@throttle.school`);
    await page.getByLabel("Password (at least 10 characters)").fill("evas-password-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Too many accounts" })).toHaveText(THROTTLED);
    await expect(page).toHaveURL(/\/signup/);
    await expect(page.getByRole("button", { name: "Create account" })).toBeEnabled();

    // Another school's network is not affected.
    await page.unroute("**/api/signup");
    await page.route("**/api/signup", (route) => route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": "203.0.113.77" } }));
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/assignments/);
    await expect(page.getByTestId("session-name")).toHaveText("Eva Throttled");
    await context.close();
  });
});
