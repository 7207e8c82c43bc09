import type { Browser, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { e2eState, sessionRequest } from "./support/api";
import { expect, test, newContextWithThreadsInFull } from "./support/fixtures";
import { requireSession } from "./support/http-session";
import { studentCell } from "./support/student-table";
import { seedClass, type SeededClass } from "./support/seed-class";

const PASSWORD = "live-deltas-pass-1";

function doc(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

/** Selectors for the first occurrence of `words` in the essay's canonical text. */
function selectors(text: string, words: string) {
  const start = text.indexOf(words);
  return {
    quote: { exact: words, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + words.length, start + words.length + 32) },
    position: { start, end: start + words.length },
  };
}

/** A signed-in page at `path`, through the real sign-in form. */
async function openAs(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await newContextWithThreadsInFull(browser)).newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path.split("?")[0]);
  return page;
}

/** Every request a page makes from now on: method, path and kind (document = a page load). */
function recordRequests(page: Page) {
  const seen: { method: string; path: string; type: string }[] = [];
  page.on("request", (r) => seen.push({ method: r.method(), path: new URL(r.url()).pathname, type: r.resourceType() }));
  return seen;
}

test.describe("live deltas: two students and the teacher's dashboard stay current without reloading", () => {
  let seeded: SeededClass;

  test.beforeAll(async () => {
    seeded = await seedClass(e2eState().databaseUrl, {
      count: 2,
      teachers: 2,
      password: PASSWORD,
      label: "live-deltas",
      assignments: [{ peerFlagVisibility: "always" }],
    });
  });

  test("a comment, a reply, an edit, a flag, a co-teacher's decision and two deletes reach the other reader and the dashboard", async ({ browser }) => {
    test.setTimeout(120_000);
    const { baseUrl } = e2eState();
    const [ana, ben] = seeded.students;
    const [teacher, coTeacher] = seeded.teachers;
    const { assignmentId, text } = seeded;
    const readerPath = `/essays/destalinization-origins?assignment=${assignmentId}`;
    const stamp = Date.now().toString(36);

    const anaPage = await openAs(browser, ana.email, readerPath);
    const benPage = await openAs(browser, ben.email, readerPath);
    const dashboard = await openAs(browser, teacher.email, `/assignments/${assignmentId}/review`);
    for (const page of [anaPage, benPage]) await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    const requests = { ana: recordRequests(anaPage), ben: recordRequests(benPage), dashboard: recordRequests(dashboard) };
    const [anaApi, benApi, coTeacherApi] = await Promise.all([ana, ben, coTeacher].map((u) => requireSession(baseUrl, u.email, PASSWORD)));
    const card = (page: Page, id: string) => page.locator(`[data-annotation-id="${id}"]`).first();

    // Ana comments.
    const posted = await sessionRequest(baseUrl, anaApi, "POST", `/api/assignments/${assignmentId}/annotations`, {
      id: randomUUID(),
      kind: "comment",
      scope: "class",
      ...selectors(text, "Khrushchev, wishing to firmly establish his power base"),
      body: doc(`Ana's comment ${stamp}`),
    });
    expect(posted.status).toBe(201);
    const comment = ((await posted.json()) as { annotation: { id: string; version: number } }).annotation;
    await expect(card(benPage, comment.id)).toContainText(`Ana's comment ${stamp}`);
    await expect(card(dashboard, comment.id)).toContainText(`Ana's comment ${stamp}`);
    await expect(await studentCell(dashboard, "Student 1", "Comments")).toHaveText("1");

    // Ben replies.
    const replied = await sessionRequest(baseUrl, benApi, "POST", `/api/annotations/${comment.id}/replies`, { id: randomUUID(), body: doc(`Ben's reply ${stamp}`) });
    expect(replied.status).toBe(201);
    const reply = ((await replied.json()) as { reply: { id: string; version: number } }).reply;
    await expect(card(anaPage, comment.id)).toContainText(`Ben's reply ${stamp}`);
    await expect(await studentCell(dashboard, "Student 2", "Replies")).toHaveText("1");

    // Ana edits her comment.
    const edited = await sessionRequest(baseUrl, anaApi, "PATCH", `/api/annotations/${comment.id}`, { version: comment.version, body: doc(`Ana's edit ${stamp}`) });
    expect(edited.status).toBe(200);
    const afterEdit = ((await edited.json()) as { annotation: { version: number } }).annotation;
    await expect(card(benPage, comment.id)).toContainText(`Ana's edit ${stamp}`);
    await expect(card(benPage, comment.id)).not.toContainText(`Ana's comment ${stamp}`);
    await expect(card(dashboard, comment.id)).toContainText(`Ana's edit ${stamp}`);

    // Ben flags a date; a co-teacher verifies it from their own dashboard.
    const flagged = await sessionRequest(baseUrl, benApi, "POST", `/api/assignments/${assignmentId}/flags`, {
      id: randomUUID(),
      scope: "class",
      ...selectors(text, "February of 1956"),
      category: "date_number",
      correction: "February 1956",
      rationale: doc("The congress met in February 1956."),
      evidence: [],
      tags: [],
    });
    expect(flagged.status).toBe(201);
    const flag = ((await flagged.json()) as { annotation: { id: string; flag: { reviewVersion: number } } }).annotation;
    await expect(card(anaPage, flag.id)).toContainText("February 1956");
    await expect(card(dashboard, flag.id)).toContainText("February 1956");
    const decided = await sessionRequest(baseUrl, coTeacherApi, "POST", `/api/flags/${flag.id}/review`, {
      status: "verified",
      reason: "",
      version: flag.flag.reviewVersion,
    });
    expect(decided.status).toBe(200);
    await expect(card(anaPage, flag.id)).toContainText("Verified");
    await expect(card(dashboard, flag.id)).toContainText("Verified");
    await expect(await studentCell(dashboard, "Student 2", "Verified flags")).toHaveText("1");

    // Ana deletes her comment: Ben's reply keeps the thread, shown as deleted; then Ben deletes his reply and it goes.
    const deleted = await sessionRequest(baseUrl, anaApi, "DELETE", `/api/annotations/${comment.id}`, { version: afterEdit.version });
    expect(deleted.status).toBe(200);
    await expect(card(benPage, comment.id)).toContainText("was deleted");
    await expect(card(benPage, comment.id)).not.toContainText(`Ana's edit ${stamp}`);
    await expect(await studentCell(dashboard, "Student 1", "Comments")).toHaveText("0");
    const replyGone = await sessionRequest(baseUrl, benApi, "DELETE", `/api/replies/${reply.id}`, { version: reply.version });
    expect(replyGone.status).toBe(200);
    await expect(anaPage.locator(`[data-annotation-id="${comment.id}"]`)).toHaveCount(0);
    await expect(benPage.locator(`[data-annotation-id="${comment.id}"]`)).toHaveCount(0);

    // Nothing reloaded: no page load, no fetch of the whole list; the dashboard's counts were refetched coalesced.
    const listPath = `/api/assignments/${assignmentId}/annotations`;
    for (const [who, seen] of Object.entries(requests)) {
      expect({ who, pageLoads: seen.filter((r) => r.type === "document").length }).toEqual({ who, pageLoads: 0 });
      expect({ who, listReloads: seen.filter((r) => r.method === "GET" && r.path === listPath).length }).toEqual({ who, listReloads: 0 });
    }
    // The watching readers asked the server for nothing at all: every change came in the stream.
    for (const who of ["ana", "ben"] as const) {
      expect({ who, fetches: requests[who].filter((r) => r.path.startsWith("/api/") && !r.path.endsWith("/events")) }).toEqual({ who, fetches: [] });
    }
    const tableFetches = requests.dashboard.filter((r) => r.path === `/api/assignments/${assignmentId}/students`).length;
    expect(tableFetches).toBeGreaterThan(0);
    expect(tableFetches).toBeLessThanOrEqual(8);
    for (const page of [anaPage, benPage, dashboard]) await page.context().close();
  });
});
