import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { chromiumLaunchOptions } from "../../playwright.config";
import { onCleanup } from "./cleanup";

/** Debian's Chromium with the e2e suite's launch options; closed with the bench. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  onCleanup("Chromium", () => browser.close());
  return browser;
}

/** A fresh context (empty cache) carrying the session cookie for `baseUrl`. */
export async function newSignedInContext(browser: Browser, baseUrl: string, cookie: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (cookie) {
    const eq = cookie.indexOf("=");
    await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl }]);
  }
  return context;
}
