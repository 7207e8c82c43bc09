import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { describe as describeSpan } from "../../lib/anchoring";
import { e2eState, sessionRequest } from "./support/api";
import { expect, test } from "./support/fixtures";
import { requireSession } from "./support/http-session";
import { seedClass, type SeededClass } from "./support/seed-class";

const PASSWORD = "groups-e2e-password";
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A selector pair on the n-th word of the text (each student marks a different word). */
function wordSpan(text: string, n: number) {
  const words = [...text.matchAll(/\p{L}{4,}/gu)];
  const m = words[n * 7];
  const { quote, position } = describeSpan(text, m.index, m.index + m[0].length);
  return { quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position };
}

interface Listed {
  annotations: { id: string; body: unknown; author: { id: string } }[];
}

test.describe("small groups through HTTP", () => {
  let seeded: SeededClass;
  let cookies: string[];
  let teacher: string;
  const { baseUrl, databaseUrl } = e2eState();
  const as = (cookie: string, method: string, url: string, body?: unknown) => sessionRequest(baseUrl, cookie, method, url, body);

  test.beforeAll(async () => {
    seeded = await seedClass(databaseUrl, { count: 6, teachers: 1, password: PASSWORD, label: "groups" });
    cookies = await Promise.all(seeded.students.map((s) => requireSession(baseUrl, s.email, PASSWORD)));
    teacher = await requireSession(baseUrl, seeded.teachers[0].email, PASSWORD);
  });

  test("in a group assignment, each student's class comments reach their group and the teachers only; a move takes them along", async () => {
    const [s0, s1, s2, s3, s4] = seeded.students.map((s) => s.id);
    const assignment = seeded.assignmentId;
    // Students may not see or change groups: the same 404 as a class they are not in.
    expect((await as(cookies[0], "GET", `/api/classes/${seeded.classId}/groups`)).status).toBe(404);
    expect((await as(cookies[0], "PUT", `/api/classes/${seeded.classId}/groups`, { auto: { count: 2 } })).status).toBe(404);
    expect((await as(cookies[0], "PATCH", `/api/assignments/${assignment}/groups`, { use: "none" })).status).toBe(404);
    // A bad request is a sentence, not a 500.
    const bad = await as(teacher, "PUT", `/api/classes/${seeded.classId}/groups`, { groups: [{ name: "A", memberIds: [s0] }, { name: "B", memberIds: [s0] }] });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe("A student can be in only one group.");

    const saved = await as(teacher, "PUT", `/api/classes/${seeded.classId}/groups`, {
      groups: [
        { name: "Reds", memberIds: [s0, s1, s2] },
        { name: "Blues", memberIds: [s3, s4] },
      ],
    });
    expect(saved.status).toBe(200);
    expect((await as(teacher, "PATCH", `/api/assignments/${assignment}/groups`, { use: "class" })).status).toBe(200);

    // Everyone posts a class comment; the first student also a private note.
    const posted = new Map<string, string>();
    for (const [i, cookie] of cookies.entries()) {
      const id = randomUUID();
      const res = await as(cookie, "POST", `/api/assignments/${assignment}/annotations`, {
        id,
        kind: "comment",
        scope: "class",
        body: doc(`words of student ${i}`),
        ...wordSpan(seeded.text, i),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      // The server owns the stored id (derived from the one sent).
      posted.set(seeded.students[i].id, ((await res.json()) as { annotation: { id: string } }).annotation.id);
    }
    const note = await as(cookies[0], "POST", `/api/assignments/${assignment}/annotations`, { id: randomUUID(), kind: "comment", scope: "private", body: doc("a note to self"), ...wordSpan(seeded.text, 9) });
    expect(note.status).toBe(201);
    const privateId = ((await note.json()) as { annotation: { id: string } }).annotation.id;

    const seen = async (cookie: string) => {
      const res = await as(cookie, "GET", `/api/assignments/${assignment}/annotations`);
      expect(res.status).toBe(200);
      const text = await res.text();
      return { ids: new Set(((JSON.parse(text) as Listed).annotations ?? []).map((a) => a.id)), text };
    };
    const expectSeen = async (cookie: string, authors: string[], extra: string[] = []) => {
      const { ids, text } = await seen(cookie);
      expect([...ids].sort()).toEqual([...authors.map((a) => posted.get(a)!), ...extra].sort());
      // Nothing of the others' words either.
      for (const [i, s] of seeded.students.entries()) if (!authors.includes(s.id)) expect(text).not.toContain(`words of student ${i}`);
    };
    const s5 = seeded.students[5].id;
    await expectSeen(cookies[0], [s0, s1, s2], [privateId]);
    await expectSeen(cookies[1], [s0, s1, s2]);
    await expectSeen(cookies[3], [s3, s4]);
    // Someone in no group reads with the others in no group: here, alone.
    await expectSeen(cookies[5], [s5]);
    // The teacher sees every class comment, never the private note.
    await expectSeen(teacher, [s0, s1, s2, s3, s4, s5]);
    // Another group's comment by id reads like a missing one.
    const other = await as(cookies[3], "GET", `/api/annotations/${posted.get(s0)}`);
    const missing = await as(cookies[3], "GET", `/api/annotations/${randomUUID()}`);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe(await missing.text());
    // Nor can it be replied to.
    expect((await as(cookies[3], "POST", `/api/annotations/${posted.get(s0)}/replies`, { id: randomUUID(), body: doc("hi") })).status).toBe(404);

    // The third student moves to the Blues: their comment goes with them.
    const moved = await as(teacher, "PUT", `/api/classes/${seeded.classId}/groups`, {
      groups: [
        { name: "Reds", memberIds: [s0, s1] },
        { name: "Blues", memberIds: [s2, s3, s4] },
      ],
    });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { moved: number }).moved).toBe(1);
    await expectSeen(cookies[1], [s0, s1]);
    await expectSeen(cookies[3], [s2, s3, s4]);
    await expectSeen(cookies[2], [s2, s3, s4]);

    // No groups again: the whole class reads together.
    expect((await as(teacher, "PATCH", `/api/assignments/${assignment}/groups`, { use: "none" })).status).toBe(200);
    await expectSeen(cookies[4], [s0, s1, s2, s3, s4, s5]);
  });

  test("a teacher splits the class on its page and filters the review page by group", async ({ page }, testInfo) => {
    const fresh = await seedClass(databaseUrl, { count: 8, teachers: 1, password: PASSWORD, label: "groups-ui" });
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/classes/${fresh.classId}`)}`);
    await page.getByLabel("Email").fill(fresh.teachers[0].email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Small groups" })).toBeVisible();
    await expect(page.getByText("No groups yet: everyone reads as one class.")).toBeVisible();

    // Automatically: groups of about 3 for 8 students makes 3 groups (3, 3, 2).
    await page.getByRole("radio", { name: "Groups of about" }).check();
    await page.getByLabel("Students a group").fill("3");
    await page.getByRole("button", { name: "Split", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "The class was split at random." })).toBeVisible();
    const groupsNow = page.getByRole("list", { name: "Groups now" }).getByRole("listitem");
    await expect(groupsNow).toHaveCount(3);
    await expect(groupsNow.filter({ hasText: "(3)" })).toHaveCount(2);
    await expect(groupsNow.filter({ hasText: "(2)" })).toHaveCount(1);

    // By hand, from the keyboard: rename the first group and move Student 1 into it.
    await page.getByLabel("Name of group 1").fill("Archivists");
    const select = page.getByLabel("Group for Student 1");
    await select.focus();
    await select.selectOption({ label: "Archivists" });
    await page.getByRole("button", { name: "Save groups" }).press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Groups saved." })).toBeVisible();
    const archivists = groupsNow.filter({ hasText: "Archivists" });
    await expect(archivists).toContainText("Student 1");
    await page.screenshot({ path: testInfo.outputPath("class-groups-1366.png"), fullPage: true });
    // On a phone the editor stays inside its card.
    await page.setViewportSize({ width: 390, height: 844 });
    const card = await page.locator("section.group-section").boundingBox();
    for (const box of await page.locator(".group-editor fieldset").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right))) {
      expect(box).toBeLessThanOrEqual(card!.x + card!.width);
    }
    await page.screenshot({ path: testInfo.outputPath("class-groups-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });

    // The review page: use the class's groups, then show one group's students only.
    await page.goto(`/assignments/${fresh.assignmentId}/review`);
    await expect(page.getByLabel("Show the work of")).toHaveCount(0);
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Groups for this assignment").selectOption("class");
    await page.locator("#groups").getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Class comments are now seen by the author's group" })).toBeVisible();
    const filter = page.getByLabel("Show the work of");
    await filter.selectOption({ label: "Archivists" });
    await page.getByRole("tab", { name: "Students" }).click();
    const rows = page.locator("#students tbody tr");
    const saved = await (await sessionRequest(e2eState().baseUrl, await cookieOf(page), "GET", `/api/classes/${fresh.classId}/groups`)).json();
    const archivistCount = (saved as { set: { groups: { name: string; memberIds: string[] }[] } }).set.groups.find((g) => g.name === "Archivists")!.memberIds.length;
    await expect(rows).toHaveCount(archivistCount);
    await expect(rows.filter({ hasText: "Student 1" })).toHaveCount(1);
    await filter.selectOption({ label: "Whole class" });
    await expect(rows).toHaveCount(8);
    for (const [width, height] of [
      [1366, 900],
      [1024, 768],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await page.getByRole("tab", { name: "Settings" }).click();
      await page.locator("#groups").scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`review-groups-${width}.png`) });
      // The groups section and the filter fit the page (other panels have their own stories).
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("#groups *, .group-filter *")]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(wide, `nothing wider than the page at ${width}px`).toEqual([]);
    }
  });
});

async function cookieOf(page: Page) {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}
