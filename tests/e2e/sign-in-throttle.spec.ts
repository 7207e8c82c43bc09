import { e2eState } from "./support/api";
import { E2E_AUTH_RATE_WINDOW_MS } from "./support/e2e-env";
import { expect, test } from "./support/fixtures";
import { signInOverHttp } from "./support/http-session";
import { seedClass } from "./support/seed-class";

const WRONG = "That email and password do not match an account.";
const THROTTLED = "Too many sign-in attempts. Wait a few minutes and try again.";

test.describe("sign-in throttling", () => {
  test("someone guessing Dana's password is stopped after five tries; Dana gets in once the window has passed", async ({ page }) => {
    test.setTimeout(60_000);
    const { baseUrl, databaseUrl } = e2eState();
    // Dana is her own class: throttling her never touches the demo accounts other specs sign in with.
    const [dana] = (await seedClass(databaseUrl, { count: 1, password: "danas-real-password", label: "throttle" })).students;

    const started = Date.now();
    // Four quick guesses from a script...
    for (let i = 0; i < 4; i++) {
      const guess = await signInOverHttp(baseUrl, dana.email, `guess-${i}`);
      expect([guess.status, guess.error, guess.cookie]).toEqual([401, "CredentialsSignin", null]);
    }
    // ...a fifth through the form still reads as a wrong password...
    await page.goto("/signin");
    await page.getByLabel("Email").fill(dana.email);
    await page.getByLabel("Password").fill("guess-4");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: WRONG })).toBeVisible();

    // ...and from then on even the right password is refused, with its own message.
    await page.getByLabel("Password").fill(dana.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: THROTTLED })).toBeVisible();
    await expect(page.getByText(WRONG)).toHaveCount(0);
    await expect(page).toHaveURL(/\/signin/);
    const scripted = await signInOverHttp(baseUrl, dana.email, dana.password);
    expect([scripted.status, scripted.error, scripted.cookie]).toEqual([429, "TooManyAttempts", null]);
    // All of that happened inside one window, or the test proves nothing.
    expect(Date.now() - started).toBeLessThan(E2E_AUTH_RATE_WINDOW_MS);

    // A page opened with the code (as a no-JavaScript form post lands) says the same.
    await page.goto("/signin?error=TooManyAttempts");
    await expect(page.getByRole("alert").filter({ hasText: THROTTLED })).toBeVisible();

    await page.waitForTimeout(Math.max(0, started + E2E_AUTH_RATE_WINDOW_MS + 500 - Date.now()));
    await page.getByLabel("Email").fill(dana.email);
    await page.getByLabel("Password").fill(dana.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/assignments/);
    await expect(page.getByTestId("session-name")).toBeVisible();
  });

  test("a stranger's guesses do not lock Dana out of the browser she signs in from", async ({ page }) => {
    const { baseUrl, databaseUrl } = e2eState();
    const [dana] = (await seedClass(databaseUrl, { count: 1, password: "danas-real-password", label: "owner" })).students;
    const signInHere = async () => {
      await page.goto("/signin");
      await page.getByLabel("Email").fill(dana.email);
      await page.getByLabel("Password").fill(dana.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/assignments/);
      await expect(page.getByTestId("session-name")).toBeVisible();
    };

    // Signing in once marks this browser as Dana's: an HttpOnly cookie page scripts cannot read.
    await signInHere();
    const device = (await page.context().cookies()).find((c) => c.name === "marginalia.known-device");
    expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("known-device");
    await page.context().clearCookies({ name: "next-auth.session-token" });

    // A stranger spends the account's budget, and more...
    const started = Date.now();
    const guesses = [];
    for (let i = 0; i < 6; i++) guesses.push((await signInOverHttp(baseUrl, dana.email, `guess-${i}`)).status);
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429]);

    // ...yet Dana, in her browser, signs in with her password, while the stranger, without her
    // browser, stays locked out even with the right one.
    await signInHere();
    const stranger = await signInOverHttp(baseUrl, dana.email, dana.password);
    expect([stranger.status, stranger.error, stranger.cookie]).toEqual([429, "TooManyAttempts", null]);
    // All of that happened inside one window, or the test proves nothing.
    expect(Date.now() - started).toBeLessThan(E2E_AUTH_RATE_WINDOW_MS);
  });
});
