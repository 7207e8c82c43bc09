import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { startApp, type RunningApp } from "../../scripts/app-server";
import { apiRequest, cookieHeader, e2eState, readEvents } from "./support/api";
import { demoAssignmentLink, expect, signIn, test, newContextWithThreadsInFull } from "./support/fixtures";

const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? 3105);

/** Opens the demo assignment and returns its id. */
async function openAssignment(page: Page): Promise<string> {
  await demoAssignmentLink(page).click();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  return new URL(page.url()).searchParams.get("assignment")!;
}

function commentBody(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

async function selectorsFor(page: Page, words: string) {
  return page.evaluate((w) => {
    const blocks = [...document.querySelectorAll("[data-block]")];
    const text = blocks.map((b) => b.textContent).join("\n");
    const start = text.indexOf(w);
    return { exact: w, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + w.length, start + w.length + 32), start };
  }, words);
}

test.describe("live updates", () => {
  let second: RunningApp | null = null;

  test.afterAll(async () => {
    await second?.stop();
  });

  test("an update crosses between two app instances sharing one database", async ({ browser }) => {
    test.setTimeout(90_000);
    const state = e2eState();
    second = await startApp({
      port: SECOND_PORT,
      databaseUrl: state.databaseUrl,
      quiet: true,
      env: { NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef" },
    });
    const stamp = `cross-${Date.now().toString(36)}`;
    const anaContext = await newContextWithThreadsInFull(browser, { baseURL: state.baseUrl });
    const benContext = await newContextWithThreadsInFull(browser, { baseURL: second.url });
    const ana = await anaContext.newPage();
    const ben = await benContext.newPage();
    await signIn(ana, "ana");
    await signIn(ben, "ben");
    const assignmentId = await openAssignment(ana);
    await openAssignment(ben);
    expect(new URL(ben.url()).port).toBe(String(SECOND_PORT));

    const quote = await selectorsFor(ana, "Khrushchev, wishing to firmly establish his power base");
    const res = await apiRequest(anaContext, state.baseUrl, "POST", `/api/assignments/${assignmentId}/annotations`, {
      id: randomUUID(),
      kind: "comment",
      scope: "class",
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { start: quote.start, end: quote.start + quote.exact.length },
      body: commentBody(`Posted on instance one ${stamp}`),
    });
    expect(res.status).toBe(201);
    await expect(ben.getByText(`Posted on instance one ${stamp}`)).toBeVisible({ timeout: 5_000 });
    await anaContext.close();
    await benContext.close();
  });

  test("a dropped stream catches up from its last event id, missing nothing", async ({ browser }) => {
    const state = e2eState();
    const anaContext = await newContextWithThreadsInFull(browser);
    const benContext = await newContextWithThreadsInFull(browser);
    const ana = await anaContext.newPage();
    const ben = await benContext.newPage();
    await signIn(ana, "ana");
    await signIn(ben, "ben");
    const assignmentId = await openAssignment(ana);
    const stream = `${state.baseUrl}/api/assignments/${assignmentId}/events`;
    const benCookies = { Cookie: await cookieHeader(benContext) };

    // Connect, note where the log stands, and drop the connection.
    const post = async (text: string, scope = "class") => {
      const quote = await selectorsFor(ana, "Molotov and Malenkov");
      const res = await apiRequest(anaContext, state.baseUrl, "POST", `/api/assignments/${assignmentId}/annotations`, {
        id: randomUUID(),
        kind: "comment",
        scope,
        quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        position: { start: quote.start, end: quote.start + quote.exact.length },
        body: commentBody(text),
      });
      return ((await res.json()) as { annotation: { id: string } }).annotation.id;
    };
    const first = await post("before the drop");
    const before = await readEvents(`${stream}?since=0`, benCookies, (events) => events.some((e) => e.data?.includes(first)));
    const lastSeen = before.at(-1)!.id!;

    // While Ben is away, Ana posts twice (and once privately, which Ben must not hear of).
    const missedOne = await post("while away 1");
    const privateOne = await post("private while away", "private");
    const missedTwo = await post("while away 2");

    const after = await readEvents(stream, { ...benCookies, "Last-Event-ID": lastSeen }, (events) =>
      events.some((e) => e.data?.includes(missedTwo)),
    );
    const ids = after.filter((e) => e.event === "change").map((e) => JSON.parse(e.data!).entityId);
    // Other specs may write to the shared demo class meanwhile: check ours, in order, and the private one absent.
    const ours = ids.filter((id) => [missedOne, privateOne, missedTwo].includes(id));
    expect(ours).toEqual([missedOne, missedTwo]);
    expect(after.every((e) => BigInt(e.id!) > BigInt(lastSeen))).toBe(true);

    // And the page's own EventSource reconnects by itself after going offline.
    await ben.goto(ana.url());
    await expect(ben.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    await benContext.setOffline(true);
    const whileOffline = `posted while offline ${Date.now()}`;
    await post(whileOffline);
    await benContext.setOffline(false);
    await expect(ben.getByText(whileOffline)).toBeVisible({ timeout: 15_000 });
    await anaContext.close();
    await benContext.close();
  });
});
