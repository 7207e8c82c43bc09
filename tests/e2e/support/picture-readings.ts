import type { Page } from "@playwright/test";
import { makePosterPng } from "../../support/poster-fixture";
import { expect } from "./fixtures";

/* Helpers for the stories of picture readings (tests/e2e/images.spec.ts, devices/). */

/** The poster's description, as the teacher types it. */
export const ALT = "A red poster headed ALL POWER TO THE SOVIETS, a dark figure on the right, and the caption The Winter Palace, 1918.";

/** Uploads the poster as a picture to annotate, through "Add a reading", and waits for the reader. */
export async function uploadPoster(page: Page, title: string) {
  await page.goto("/readings/new");
  await page.getByRole("radio", { name: /A picture to annotate as a picture/ }).check();
  await page.getByLabel(/^The picture \(JPEG, PNG, TIFF\)/).setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: Buffer.from(await makePosterPng()) });
  await page.getByLabel(/^What the picture shows/).fill(ALT);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Author").fill("Unknown artist");
  await page.getByLabel("Source (where the document comes from)").fill("A poster, redrawn for the tests");
  await page.getByLabel("Retrieved on").fill("2026-12-07");
  await page.getByLabel("Provenance notes (what was kept or changed)").fill("Made up for the tests.");
  await page.getByRole("button", { name: "Upload the picture" }).click();
  await expect(page).toHaveURL(/\/essays\//, { timeout: 90_000 });
}
