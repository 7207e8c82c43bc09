import { randomUUID } from "node:crypto";
import type { ApiErrorBody } from "../../lib/annotations/types";
import type { StudentTableDTO } from "../../lib/review/student-table";
import { apiRequest, cookieHeader, e2eState } from "./support/api";
import { demo, demoAssignmentLink, expect, signIn, test, newContextWithThreadsInFull, showThreadsInFull } from "./support/fixtures";

/** A passage no other spec marks or asserts on: the demo class is shared. */
const PASSAGE = "from the fear of repression";

test.describe("imports never forge authorship or time", () => {
  test("a file claiming Ana wrote a comment in 2020 shows it to Ana as imported, originally hers, and not as her own", async ({ browser, page }) => {
    // Two sign-ins, an import and the reader: as long as flags.spec's two-reader stories.
    test.setTimeout(120_000);
    await signIn(page, "ana");
    const href = (await demoAssignmentLink(page).getAttribute("href"))!;
    const assignmentId = new URL(href, "http://x").searchParams.get("assignment")!;

    const teacher = await newContextWithThreadsInFull(browser);
    await signIn(await teacher.newPage(), "teacher");
    const { baseUrl } = e2eState();
    const table = (await (await apiRequest(teacher, baseUrl, "GET", `/api/assignments/${assignmentId}/students`)).json()) as StudentTableDTO;
    const anaRow = table.rows.find((r) => r.student.name === demo.ana.name)!;
    const words = `Forged note ${randomUUID().slice(0, 8)}`;
    const file = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `https://elsewhere.example/e2e/${words.replace(/\W+/g, "-")}`,
      type: "Annotation",
      motivation: "commenting",
      creator: { id: `${baseUrl}/users/${anaRow.student.id}`, type: "Person", name: demo.ana.name },
      created: "2020-01-01T00:00:00Z",
      body: { type: "TextualBody", value: words, format: "text/plain" },
      target: { source: "https://elsewhere.example/essay", selector: [{ type: "TextQuoteSelector", exact: PASSAGE }] },
    };
    const imported = await apiRequest(teacher, baseUrl, "POST", `/api/assignments/${assignmentId}/import`, file);
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ imported: 1 });

    await showThreadsInFull(page.context());
    await page.goto(href);
    const card = page.locator("[data-annotation-id]", { hasText: words });
    await expect(card.getByTestId("imported-mark")).toHaveText(`Imported · originally by ${demo.ana.name}, 1 Jan 2020`);
    await expect(card.getByText("(you)")).toHaveCount(0);
    await expect(card.getByRole("button", { name: /^Edit/ })).toHaveCount(0);

    // Her row on the dashboard did not gain the comment.
    const after = (await (await apiRequest(teacher, baseUrl, "GET", `/api/assignments/${assignmentId}/students`)).json()) as StudentTableDTO;
    expect(after.rows.find((r) => r.student.id === anaRow.student.id)?.comments).toBe(anaRow.comments);
    await teacher.close();
  });

  test("a body nested 100,000 levels deep gets 422 and a sentence, not a 500", async ({ browser }) => {
    const teacher = await newContextWithThreadsInFull(browser);
    await signIn(await teacher.newPage(), "teacher");
    const { baseUrl } = e2eState();
    const res = await fetch(`${baseUrl}/api/assignments/none/import`, {
      method: "POST",
      headers: { Origin: baseUrl, "Content-Type": "application/json", Cookie: await cookieHeader(teacher) },
      body: `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ApiErrorBody).error.message).toMatch(/nested more than \d+ levels deep/);
    await teacher.close();
  });
});
