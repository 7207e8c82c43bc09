import { randomUUID } from "node:crypto";
import { e2eState, sessionRequest } from "./support/api";
import { expect, test } from "./support/fixtures";
import { requireSession } from "./support/http-session";
import { seedClass, withDb, type SeededClass } from "./support/seed-class";

const PASSWORD = "live-access-pass-1";

/** A live stream read in the background over HTTP, as a browser tab holds one. */
async function follow(baseUrl: string, cookie: string, assignmentId: string) {
  const hangUp = new AbortController();
  const res = await fetch(`${baseUrl}/api/assignments/${assignmentId}/events?since=0`, { headers: { Cookie: cookie }, signal: hangUp.signal });
  const stream = { status: res.status, text: "", isClosed: false, hangUp: () => hangUp.abort() };
  const ended = (async () => {
    if (res.status !== 200) return void (stream.text = await res.text());
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        stream.text += decoder.decode(value, { stream: true });
      }
    } catch {
      // hung up by the test
    }
  })().finally(() => (stream.isClosed = true));
  const closesWithin = (ms: number) => Promise.race([ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  return Object.assign(stream, { closesWithin });
}

function comment(text: string, words: string, scope = "class") {
  const start = text.indexOf(words);
  return {
    id: randomUUID(),
    kind: "comment",
    scope,
    quote: { exact: words, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + words.length, start + words.length + 32) },
    position: { start, end: start + words.length },
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "A remark" }] }] },
  };
}

/** Signs out as the sign-out button does: next-auth's form with its CSRF token. */
async function signOut(baseUrl: string, cookie: string) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { Cookie: cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, Cookie: cookie },
    body: new URLSearchParams({ csrfToken, json: "true" }),
    redirect: "manual",
  });
  expect(res.status).toBeLessThan(400);
}

test.describe("live streams of an anonymous assignment", () => {
  let seeded: SeededClass;
  let writer: string;
  let reader: string;
  let teacher: string;

  test.beforeAll(async () => {
    const state = e2eState();
    seeded = await seedClass(state.databaseUrl, { count: 3, teachers: 1, password: PASSWORD, label: "live-access", assignments: [{ peerFlagVisibility: "always" }] });
    await withDb(state.databaseUrl, (db) => db.query(`update assignments set "anonymousPeers" = true where id = $1`, [seeded.assignmentId]));
    [writer, reader, teacher] = await Promise.all(
      [seeded.students[0], seeded.students[1], seeded.teachers[0]].map((u) => requireSession(state.baseUrl, u.email, PASSWORD)),
    );
  });

  test("a classmate's comment, reply and edit reach the stream (as deltas) and the list with nothing that links to them, before and after their removal", async () => {
    const { baseUrl, databaseUrl } = e2eState();
    const { rows } = await withDb(databaseUrl, (db) => db.query<{ name: string }>(`select name from users where id = $1`, [seeded.students[0].id]));
    const marks = [seeded.students[0].id, seeded.students[0].email, rows[0].name];
    const base = `/api/assignments/${seeded.assignmentId}`;
    const created = await sessionRequest(baseUrl, writer, "POST", `${base}/annotations`, comment(seeded.text, "secret speech"));
    expect(created.status).toBe(201);
    const { annotation } = (await created.json()) as { annotation: { id: string } };
    const reply = await sessionRequest(baseUrl, writer, "POST", `/api/annotations/${annotation.id}/replies`, {
      id: randomUUID(),
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "A reply" }] }] },
    });
    expect(reply.status).toBe(201);

    const scan = async (until = "reply.created") => {
      const stream = await follow(baseUrl, reader, seeded.assignmentId);
      await expect.poll(() => stream.text.includes(annotation.id), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => stream.text.includes(until), { timeout: 10_000 }).toBe(true);
      stream.hangUp();
      // Each change carries the thread itself (a delta): its author and its replies' are labels.
      const deltas = [...stream.text.matchAll(/^data: (.*)$/gm)]
        .map((m) => JSON.parse(m[1]) as { thread?: { annotation: { author: { name: string }; replies: { author: { name: string } }[] } | null } })
        .flatMap((e) => (e.thread?.annotation ? [e.thread.annotation] : []));
      expect(deltas.length).toBeGreaterThan(0);
      for (const thread of deltas) {
        for (const author of [thread.author, ...thread.replies.map((r) => r.author)]) expect(author.name).toMatch(/^Classmate \d+$/);
      }
      const list = await (await sessionRequest(baseUrl, reader, "GET", `${base}/annotations`)).text();
      // The one-thread read a reader makes after a delete or a refused edit.
      const single = await (await sessionRequest(baseUrl, reader, "GET", `/api/annotations/${annotation.id}`)).text();
      expect(list).toContain(annotation.id);
      expect(single).toContain(annotation.id);
      for (const mark of marks) {
        expect(stream.text).not.toContain(mark);
        expect(list).not.toContain(mark);
        expect(single).not.toContain(mark);
      }
      return list;
    };
    await scan();
    const edited = await sessionRequest(baseUrl, writer, "PATCH", `/api/annotations/${annotation.id}`, {
      version: 1,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "An edited remark" }] }] },
    });
    expect(edited.status).toBe(200);
    await scan("An edited remark");
    const removed = await sessionRequest(baseUrl, teacher, "DELETE", `/api/classes/${seeded.classId}/members/${seeded.students[0].id}`);
    expect(removed.status).toBe(200);
    expect(await scan("An edited remark")).toMatch(/"name":"Classmate \d+"/);
  });

  test("a removed student's and a signed-out session's open streams close; a user holds at most five", async () => {
    const { baseUrl } = e2eState();
    const leaving = await requireSession(baseUrl, seeded.students[2].email, PASSWORD);
    const removedStream = await follow(baseUrl, leaving, seeded.assignmentId);
    const signingOut = await requireSession(baseUrl, seeded.students[1].email, PASSWORD);
    const signedOutStream = await follow(baseUrl, signingOut, seeded.assignmentId);
    expect([removedStream.status, signedOutStream.status]).toEqual([200, 200]);

    const removed = await sessionRequest(baseUrl, teacher, "DELETE", `/api/classes/${seeded.classId}/members/${seeded.students[2].id}`);
    expect(removed.status).toBe(200);
    await signOut(baseUrl, signingOut);
    // The e2e server's heartbeat is LIVE_HEARTBEAT_MS=3000 (tests/e2e/support/e2e-env.ts).
    expect(await removedStream.closesWithin(8_000)).toBe(true);
    expect(await signedOutStream.closesWithin(8_000)).toBe(true);

    const tabs = [];
    for (let i = 0; i < 5; i++) tabs.push(await follow(baseUrl, teacher, seeded.assignmentId));
    expect(tabs.map((t) => t.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await follow(baseUrl, teacher, seeded.assignmentId);
    expect(sixth.status).toBe(429);
    await sixth.closesWithin(2_000);
    expect(JSON.parse(sixth.text)).toMatchObject({ error: { code: "rate_limited", message: expect.stringMatching(/already have 5 live views open/) } });
    tabs[0].hangUp();
    await expect.poll(async () => (await follow(baseUrl, teacher, seeded.assignmentId).then((t) => (t.hangUp(), t.status))), { timeout: 5_000 }).toBe(200);
    for (const tab of tabs) tab.hangUp();
  });
});
