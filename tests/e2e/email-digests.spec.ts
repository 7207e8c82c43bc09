import { randomUUID } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import PgBoss from "pg-boss";
import { startApp, type RunningApp } from "../../scripts/app-server";
import { startSmtpSink } from "../support/smtp-sink";
import { apiRequest, e2eState } from "./support/api";
import { E2E_APP_ENV } from "./support/e2e-env";
import { demo, demoAssignmentLink, expect, newContextWithThreadsInFull, signIn, test } from "./support/fixtures";
import { dragSelect } from "./support/text-selection";

/** A port nobody listens on now (the other suites' instances use fixed ones). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function signInAt(page: Page, baseUrl: string, who: "ana" | "ben") {
  await page.goto(`${baseUrl}/signin?callbackUrl=%2Fassignments`);
  await page.getByLabel("Email").fill(demo[who].email);
  await page.getByLabel("Password").fill(demo[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("session-name")).toHaveText(demo[who].name);
}

test.describe("e-mail digests", () => {
  test("without SMTP the account page says digests are not available", async ({ page }, testInfo) => {
    await signIn(page, "ana", "/account");
    await expect(page.getByRole("heading", { name: "E-mail digests" })).toBeVisible();
    await expect(page.getByTestId("email-digest-unavailable")).toContainText("E-mail digests are not available: this school has not set up e-mail.");
    await expect(page.getByRole("checkbox", { name: /e-mail digest/ })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath("account-no-smtp.png") });
  });

  test("on an instance with SMTP: Ben replies to Ana, the digest reaches a real SMTP server, its link opens the thread and its other link the switch Ana turns off from the keyboard", async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const sink = await startSmtpSink();
    const { databaseUrl } = e2eState();
    let app: RunningApp | null = null;
    const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise: false, schedule: false, max: 1 });
    try {
      await boss.start();
      app = await startApp({ port: await freePort(), databaseUrl, quiet: true, env: { ...E2E_APP_ENV, SMTP_URL: sink.url, MAIL_FROM: "Marginalia <reader@test.school>" } });
      const anaContext = await newContextWithThreadsInFull(browser);
      const benContext = await browser.newContext();
      const ana = await anaContext.newPage();
      await signInAt(ana, app.url, "ana");
      await signInAt(await benContext.newPage(), app.url, "ben");

      await demoAssignmentLink(ana).click();
      await expect(ana.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
      const stamp = `digest-${Date.now().toString(36)}`;
      await dragSelect(ana, "1995");
      await ana.getByRole("button", { name: /Comment/ }).click();
      await ana.getByRole("textbox", { name: "Your comment" }).click();
      await ana.keyboard.type(`Why ${stamp}?`);
      await ana.getByRole("button", { name: "Post comment" }).click();
      const annotationId = await ana.locator("article[data-annotation-id]", { hasText: stamp }).getAttribute("data-annotation-id");
      const replied = await apiRequest(benContext, app.url, "POST", `/api/annotations/${annotationId}/replies`, {
        id: randomUUID(),
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Because of the congress." }] }] },
      });
      expect(replied.status).toBe(201);

      // The scheduled job, run now instead of at 16:00: the instance with SMTP works the queue.
      await boss.send("notification-digest", {});
      await expect.poll(() => sink.mails.filter((m) => m.to.includes(demo.ana.email)).length, { timeout: 30_000 }).toBeGreaterThan(0);
      const mail = sink.mails.find((m) => m.to.includes(demo.ana.email))!;
      expect(mail.parsed.text).toContain(`${demo.ben.name} replied in a thread of yours`);
      const hrefs = [...(mail.parsed.html || "").matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
      const threadLink = hrefs.find((h) => h.includes(`annotation=${annotationId}`));
      expect(threadLink?.startsWith(`${app.url}/essays/`)).toBe(true);
      await ana.goto(threadLink!);
      await expect(ana.locator(`article[data-annotation-id="${annotationId}"]`)).toHaveClass(/is-active/);

      const settingsLink = hrefs.find((h) => h.endsWith("/account#email-digests"))!;
      await ana.goto(settingsLink);
      const digest = ana.getByRole("checkbox", { name: "Send me an e-mail digest of my unread notifications" });
      await expect(digest).toBeChecked();
      await digest.focus();
      await ana.keyboard.press("Space");
      await expect(ana.getByRole("status").filter({ hasText: "Digests are off" })).toBeVisible();
      await ana.screenshot({ path: testInfo.outputPath("account-digest-off.png") });
      await ana.reload();
      await expect(digest).not.toBeChecked();
      await digest.focus();
      await ana.keyboard.press("Space");
      await expect(ana.getByRole("status").filter({ hasText: "Digests are on." })).toBeVisible();
      await anaContext.close();
      await benContext.close();
    } finally {
      // The schedule lives in the shared queue's tables: leave none behind for the suite's own instance.
      await boss.unschedule("notification-digest").catch(() => {});
      await boss.stop({ graceful: false, close: true }).catch(() => {});
      await app?.stop();
      await sink.stop();
    }
  });
});
