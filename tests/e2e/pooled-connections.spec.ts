import type { Browser, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { startApp, type RunningApp } from "../../scripts/app-server";
import { startPgBouncer, type RunningPgBouncer } from "../support/pgbouncer";
import { e2eState, sessionRequest } from "./support/api";
import { E2E_APP_ENV } from "./support/e2e-env";
import { expect, test, newContextWithThreadsInFull } from "./support/fixtures";
import { requireSession } from "./support/http-session";
import { seedClass, type SeededClass } from "./support/seed-class";

const PASSWORD = "pooled-pass-1";
/** Two more instances beside the suite's own, on ports of their own (E2E_PORT + 20, + 21). */
const FIRST_PORT = Number(process.env.E2E_PORT ?? 3100) + 20;

function doc(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

async function openReader(browser: Browser, baseUrl: string, email: string, assignmentId: string): Promise<Page> {
  const page = await (await newContextWithThreadsInFull(browser, { baseURL: baseUrl })).newPage();
  const path = `/essays/destalinization-origins?assignment=${assignmentId}`;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible({ timeout: 15_000 });
  return page;
}

/**
 * Managed PostgreSQL as schools get it: the app reaches the database
 * through PgBouncer in transaction mode (DATABASE_URL), and listens for
 * changes on a direct connection (DATABASE_DIRECT_URL). Two app instances
 * run that way; what a student writes on one reaches a reader on the other
 * as a live delta, in either direction.
 */
test.describe("two app instances behind PgBouncer in transaction mode", () => {
  let bouncer: RunningPgBouncer | null = null;
  let skipReason: string | null = null;
  const apps: RunningApp[] = [];
  let seeded: SeededClass;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const state = e2eState();
    const started = await startPgBouncer(state.databaseUrl);
    if ("reason" in started) {
      skipReason = started.reason;
      return;
    }
    bouncer = started;
    seeded = await seedClass(state.databaseUrl, { count: 2, password: PASSWORD, label: "pooled", assignments: [{ peerFlagVisibility: "always" }] });
    for (const port of [FIRST_PORT, FIRST_PORT + 1]) {
      apps.push(
        await startApp({ port, databaseUrl: started.pooledUrl, quiet: true, env: { ...E2E_APP_ENV, DATABASE_DIRECT_URL: state.databaseUrl } }),
      );
    }
  });

  test.afterAll(async () => {
    for (const app of apps) await app.stop();
    await bouncer?.stop();
  });

  test("a comment, a reply and an edit written through the pooler on one instance show up live on the other", async ({ browser }) => {
    test.skip(skipReason !== null, `skipped, ${skipReason}`);
    test.setTimeout(120_000);
    const [one, two] = apps;
    const [ana, ben] = seeded.students;
    const anaPage = await openReader(browser, one.url, ana.email, seeded.assignmentId);
    const benPage = await openReader(browser, two.url, ben.email, seeded.assignmentId);
    const anaApi = await requireSession(one.url, ana.email, PASSWORD);
    const benApi = await requireSession(two.url, ben.email, PASSWORD);
    const stamp = Date.now().toString(36);
    const words = "secret speech";
    const start = seeded.text.indexOf(words);

    /**
     * Runs a write and waits until `page` shows `expected`, without a reload. (That it is LISTEN on the direct
     * connection, not the hub's 5 s safety poll, that brings it is timed in tests/integration/pooled-connections.test.ts,
     * where a loaded machine cannot blur it.)
     */
    const arrives = async (write: () => Promise<Response>, page: Page, expected: string) => {
      const res = await write();
      expect(res.status).toBeLessThan(300);
      await expect(page.getByText(expected)).toBeVisible({ timeout: 10_000 });
      return res;
    };

    const created = await arrives(
      () =>
        sessionRequest(one.url, anaApi, "POST", `/api/assignments/${seeded.assignmentId}/annotations`, {
          id: randomUUID(),
          kind: "comment",
          scope: "class",
          quote: { exact: words, prefix: seeded.text.slice(Math.max(0, start - 32), start), suffix: seeded.text.slice(start + words.length, start + words.length + 32) },
          position: { start, end: start + words.length },
          body: doc(`Through the pooler ${stamp}`),
        }),
      benPage,
      `Through the pooler ${stamp}`,
    );
    const comment = ((await created.json()) as { annotation: { id: string; version: number } }).annotation;
    await arrives(
      () => sessionRequest(two.url, benApi, "POST", `/api/annotations/${comment.id}/replies`, { id: randomUUID(), body: doc(`Reply from instance two ${stamp}`) }),
      anaPage,
      `Reply from instance two ${stamp}`,
    );
    await arrives(
      () => sessionRequest(one.url, anaApi, "PATCH", `/api/annotations/${comment.id}`, { version: comment.version, body: doc(`Edited through the pooler ${stamp}`) }),
      benPage,
      `Edited through the pooler ${stamp}`,
    );
    await anaPage.context().close();
    await benPage.context().close();
  });
});
