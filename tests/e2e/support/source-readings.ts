import path from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Helpers for the stories of readings made from files (tests/e2e/sources.spec.ts, devices/). */
const FIXTURES = path.resolve(__dirname, "../../fixtures/sources");

/** CSP violations the page reports (pdf.js and its worker must run under the strict policy). */
export async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content.Security.Policy|Refused to (?:execute|load|create|connect)/i.test(msg.text())) seen.push(msg.text());
  });
  await page.exposeBinding("__reportCsp", (_source, text: string) => void seen.push(text));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return seen;
}

/** Whether a page's canvas has been drawn on: some pixel that is not blank. */
export function isDrawn(page: Page, pageLabel: string): Promise<boolean> {
  return page.getByRole("figure", { name: pageLabel }).locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
    if (canvas.width === 0) return false;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] !== 0 && data[i] < 128) return true;
    return false;
  });
}

/** Uploads a file as a reading through "Add a reading" and waits until the reading opens. */
export async function uploadReading(page: Page, file: string, title: string, altText?: string) {
  await page.goto("/readings/new");
  await page.getByRole("radio", { name: "A PDF, scan or photograph of a document" }).check();
  await page.getByLabel(/^File: a PDF/).setInputFiles(path.join(FIXTURES, file));
  if (altText) await page.getByLabel(/^What the picture shows/).fill(altText);
  // A PDF needs no picture description; only pictures ask for one.
  else await expect(page.getByLabel(/^What the picture shows/)).toHaveCount(0);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Author").fill("Abraham Lincoln");
  await page.getByLabel("Source (where the document comes from)").fill("Typeset from the Bliss copy");
  await page.getByLabel("Retrieved on").fill("2026-12-01");
  await page.getByLabel("Provenance notes (what was kept or changed)").fill("Public domain.");
  await page.getByRole("button", { name: "Upload and read the file" }).click();
  // The job's progress, then the reading once its text is ready.
  await expect(page).toHaveURL(/\/essays\//, { timeout: 90_000 });
}

/** Assigns the reading to the demo class; answers the class page's address. */
export async function assignToDemoClass(page: Page, title: string): Promise<string> {
  await page.goto("/classes");
  await page.getByRole("link", { name: "History 11B" }).first().click();
  await page.getByRole("link", { name: "Assign a reading" }).click();
  // Choose only once the form is hydrated: a choice made before can be reset to the first reading (CI once
  // assigned the seed essay instead), so the choice is checked again right before Assign.
  await page.waitForLoadState("networkidle");
  const reading = page.getByLabel("Reading");
  await reading.selectOption({ label: `${title} (added by a teacher)` });
  await expect(reading.locator("option:checked")).toHaveText(`${title} (added by a teacher)`);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toBeVisible();
  return page.url();
}
