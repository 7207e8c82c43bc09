import { e2eState, sessionRequest } from "./support/api";
import { expect, test } from "./support/fixtures";
import { requireSession } from "./support/http-session";
import { seedClass, withDb } from "./support/seed-class";

const PASSWORD = "guessing-class-password";

/** Statuses in order of first appearance with their counts, e.g. "422×10 429×290". */
const tally = (statuses: number[]) =>
  [...new Set(statuses)].map((s) => `${s}×${statuses.filter((x) => x === s).length}`).join(" ");

test.describe("guessing is throttled, and the session token stays on the server", () => {
  test("300 join-code guesses from one student: ten are checked, the rest get 429 with Retry-After", async () => {
    const { baseUrl, databaseUrl } = e2eState();
    const seeded = await seedClass(databaseUrl, { count: 1, password: PASSWORD, label: "join-guess" });
    const cookie = await requireSession(baseUrl, seeded.students[0].email, PASSWORD);
    const answers = [];
    for (let batch = 0; batch < 300; batch += 30) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 30 }, (_, i) => sessionRequest(baseUrl, cookie, "POST", "/api/classes/join", { code: `GUESS${batch + i}` })),
        )),
      );
    }
    expect(tally(answers.map((r) => r.status)).split(" ").sort()).toEqual(["422×10", "429×290"]);
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Too many wrong join codes\. Try again in/);
    // Even the right code waits now.
    const right = await sessionRequest(baseUrl, cookie, "POST", "/api/classes/join", { code: seeded.joinCode });
    expect(right.status).toBe(429);
  });

  test("30 wrong current passwords on a password change: five are checked, the rest get 429 with Retry-After", async () => {
    const { baseUrl, databaseUrl } = e2eState();
    const seeded = await seedClass(databaseUrl, { count: 1, password: PASSWORD, label: "password-guess" });
    const cookie = await requireSession(baseUrl, seeded.students[0].email, PASSWORD);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sessionRequest(baseUrl, cookie, "POST", "/api/account/password", { current: `wrong-${i}`, next: "a-new-long-password" }),
      ),
    );
    expect(tally(answers.map((r) => r.status)).split(" ").sort()).toEqual(["422×5", "429×25"]);
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Too many wrong current passwords\./);
  });

  test("GET /api/auth/session tells page scripts who is signed in, never the session row's token", async () => {
    const { baseUrl, databaseUrl } = e2eState();
    const seeded = await seedClass(databaseUrl, { count: 1, password: PASSWORD, label: "session-json" });
    const student = seeded.students[0];
    const cookie = await requireSession(baseUrl, student.email, PASSWORD);
    const res = await fetch(`${baseUrl}/api/auth/session`, { headers: { Cookie: cookie } });
    const text = await res.text();
    const session = JSON.parse(text) as Record<string, unknown> & { user?: { id?: string } };
    expect(session.user?.id).toBe(student.id);
    expect(Object.keys(session)).not.toContain("sid");
    const tokens = await withDb(databaseUrl, async (db) =>
      (await db.query<{ sessionToken: string }>(`select "sessionToken" from sessions where "userId" = $1`, [student.id])).rows,
    );
    expect(tokens).toHaveLength(1);
    expect(text).not.toContain(tokens[0].sessionToken);
    // The server still knows the session: a signed-in API call works.
    expect((await sessionRequest(baseUrl, cookie, "GET", `/api/assignments/${seeded.assignmentId}/annotations`)).status).toBe(200);
  });

  test("a display name that poses as someone else's is refused at sign-up with a sentence", async () => {
    const { baseUrl } = e2eState();
    const res = await fetch(`${baseUrl}/api/signup`, {
      method: "POST",
      headers: { Origin: baseUrl, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Ms. Okafor\u200B\u202E", email: `impostor-${Date.now()}@names.school`, password: "long-enough-pw" }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "A name cannot contain text-direction controls (U+202E): they can make it look like someone else's.",
    );
  });
});
