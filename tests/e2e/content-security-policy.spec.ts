import type { Page } from "@playwright/test";
import { demoAssignmentLink, expect, signIn, test } from "./support/fixtures";
import { dragSelect } from "./support/text-selection";

/** The script nonce a CSP header allows. */
function nonceOf(policy: string | undefined): string {
  const match = /script-src[^;]*'nonce-([\w+/=-]+)'/.exec(policy ?? "");
  if (!match) throw new Error(`no script nonce in: ${policy}`);
  return match[1];
}

/**
 * Records CSP violations from the first moment of every document the page
 * loads (kept across navigations), and CSP complaints in the console.
 */
async function watchViolations(page: Page): Promise<{ messages: string[]; read: () => Promise<string[]> }> {
  const messages: string[] = [];
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content.Security.Policy|Refused to (?:execute|load|apply|connect|frame)/i.test(msg.text())) {
      messages.push(msg.text());
    }
  });
  // A binding is called over the DevTools protocol, so the policy under test cannot block the report itself.
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => void seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
      ),
    );
  });
  return { messages, read: async () => [...seen] };
}

test.describe("Content-Security-Policy", () => {
  test("every page carries a strict policy with a nonce that changes per request and is on all of its scripts", async ({ request }) => {
    const [first, second] = [await request.get("/signin"), await request.get("/signin")];
    const policy = first.headers()["content-security-policy"];
    for (const directive of [
      "default-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(policy).toContain(directive);
    }
    const nonce = nonceOf(policy);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);

    // Next put the nonce on each of its own scripts, inline ones included.
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  });

  test("a student signs in, reads and highlights with no violation reported; injected inline script is blocked", async ({ page }) => {
    const violations = await watchViolations(page);
    await signIn(page, "chloe");
    await demoAssignmentLink(page).click();
    // "Live" means React hydrated and the event stream connected: scripts and connect-src work.
    await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    await dragSelect(page, "Molotov and Malenkov");
    await page.getByRole("button", { name: /Highlight/ }).click();
    await expect(page.locator("mark", { hasText: "Molotov and Malenkov" }).first()).toBeVisible();
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    expect(await violations.read()).toEqual([]);
    expect(violations.messages).toEqual([]);

    // The watcher does see a violation: markup smuggled into the page cannot run script.
    await page.evaluate(() => {
      const holder = document.createElement("div");
      holder.innerHTML = `<img src="/no-such-image.png" onerror="window.__pwned = true">`;
      document.body.append(holder);
    });
    await expect.poll(() => violations.read()).toEqual([expect.stringMatching(/^script-src/)]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  });

  test("a teacher's pages (classes, review, readings, account) load and hydrate with no violation", async ({ page }) => {
    const violations = await watchViolations(page);
    await signIn(page, "teacher");
    const visited: string[] = [];
    const visit = async (path: string) => {
      await page.goto(path);
      await page.waitForLoadState("load");
      // A hydrated page has run its scripts: React attaches its root marker to the container.
      await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith("__react")))).toBe(true);
      visited.push(path);
    };
    for (const path of ["/account", "/readings/new", "/classes"]) await visit(path);
    const classLinks = await page.evaluate(() => [...document.querySelectorAll("a[href^='/classes/']")].map((a) => a.getAttribute("href")!));
    await visit("/assignments");
    const reviewLinks = await page.evaluate(() => [...document.querySelectorAll("a[href*='/review']")].map((a) => a.getAttribute("href")!));
    for (const path of [...classLinks.slice(0, 1), ...reviewLinks.slice(0, 1)]) await visit(path);
    expect(visited).toHaveLength(6);
    expect(await violations.read()).toEqual([]);
    expect(violations.messages).toEqual([]);
  });

  test("the pages refuse to be framed", async ({ request }) => {
    const res = await request.get("/signin");
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
  });
});
