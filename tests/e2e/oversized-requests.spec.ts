import http from "node:http";
import { once } from "node:events";
import { e2eState } from "./support/api";
import { expect, test } from "./support/fixtures";
import { requireSession } from "./support/http-session";
import { seedClass } from "./support/seed-class";

interface RawResult {
  status: number;
  body: string;
  ms: number;
  /** Body bytes the client had sent when the answer came. */
  sent: number;
}

/**
 * POSTs a body produced chunk by chunk, stopping as soon as the server
 * answers, as a hostile client that never stops would find out.
 */
async function rawPost(
  url: string,
  headers: Record<string, string>,
  nextChunk: (sent: number) => Buffer | null,
  pauseMs = 0,
): Promise<RawResult> {
  const started = Date.now();
  // A connection of its own (a socket that lied about its Content-Length must not be
  // reused), kept alive as a browser's is: `agent: false` would send Connection: close,
  // and the server would then close while we are still writing.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const req = http.request(url, { method: "POST", headers, agent });
  let sent = 0;
  let answered = false;
  const response = new Promise<RawResult>((resolve, reject) => {
    req.on("error", (error) => (answered ? undefined : reject(error)));
    req.on("response", async (res) => {
      answered = true;
      const sentThen = sent;
      let body = "";
      for await (const chunk of res) body += chunk;
      req.destroy();
      agent.destroy();
      resolve({ status: res.statusCode ?? 0, body, ms: Date.now() - started, sent: sentThen });
    });
  });
  req.flushHeaders();
  void (async () => {
    for (let chunk = nextChunk(sent); chunk && !answered; chunk = nextChunk(sent)) {
      sent += chunk.length;
      if (!req.write(chunk)) await Promise.race([once(req, "drain"), response.catch(() => {})]);
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
    if (!answered) req.end();
  })().catch(() => {});
  return response;
}

const MB = 1024 * 1024;
const filler = Buffer.alloc(64 * 1024, "a");

/** A comment body nested `depth` levels deep through `content`, as Tiptap nests quotes. */
function deepDoc(depth: number): string {
  return `{"type":"doc","content":${"[{\"content\":".repeat(depth)}[]${"}]".repeat(depth)}}`;
}

test.describe("oversized and pathological requests", () => {
  let base: { url: string; cookie: string; create: string; selectors: string; annotate: (body: string) => Promise<Response> };

  test.beforeAll(async () => {
    const { baseUrl, databaseUrl } = e2eState();
    const seeded = await seedClass(databaseUrl, { count: 1, password: "big-requests-pw", label: "oversized" });
    const cookie = await requireSession(baseUrl, seeded.students[0].email, "big-requests-pw");
    const create = `${baseUrl}/api/assignments/${seeded.assignmentId}/annotations`;
    const annotate = (body: string) =>
      fetch(create, { method: "POST", headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/json" }, body });
    // Valid selectors, so a 422 below is about the body and nothing else.
    const exact = "Khrushchev";
    const start = seeded.text.indexOf(exact);
    const selectors = `"quote":{"exact":"${exact}"},"position":{"start":${start},"end":${start + exact.length}}`;
    base = { url: baseUrl, cookie, create, selectors, annotate };
  });

  const jsonHeaders = () => ({ Cookie: base.cookie, Origin: base.url, "Content-Type": "application/json" });

  test("a declared 50 MB body is refused with 413 before any of it is sent", async () => {
    const result = await rawPost(base.create, { ...jsonHeaders(), "Content-Length": String(50 * MB) }, () => null);
    expect(result.status).toBe(413);
    expect(result.sent).toBe(0);
    expect(result.ms).toBeLessThan(2_000);
  });

  test("an endless chunked body is cut off soon after the 64 KB limit", async () => {
    const result = await rawPost(base.create, { ...jsonHeaders(), "Transfer-Encoding": "chunked" }, (sent) =>
      sent === 0 ? Buffer.from('{"id":"') : sent < 200 * MB ? filler : null,
    );
    expect({ status: result.status, body: result.body }).toMatchObject({ status: 413 });
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: "too_large" } });
    // Socket buffers hold a few MB; the point is that it never waits for 200 MB.
    expect(result.sent).toBeLessThan(32 * MB);
    expect(result.ms).toBeLessThan(3_000);
  });

  test("the sign-in endpoint bounds its form body too", async () => {
    const result = await rawPost(
      `${base.url}/api/auth/callback/credentials`,
      { Origin: base.url, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      (sent) => (sent === 0 ? Buffer.from("email=") : sent < 200 * MB ? filler : null),
    );
    expect(result.status).toBe(413);
    expect(result.sent).toBeLessThan(32 * MB);
  });

  test("thousands of tags are refused with 422, naming the limit", async () => {
    const started = Date.now();
    const res = await base.annotate(
      JSON.stringify({
        id: crypto.randomUUID(),
        kind: "highlight",
        quote: { exact: "x" },
        position: { start: 0, end: 1 },
        tags: Array.from({ length: 5_000 }, (_, i) => `t${i}`),
      }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toBe("An annotation can have at most 10 tags.");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test("a comment nested as deep as the size limit allows is refused with 422 in well under a second", async () => {
    const deepMarks = `{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[${"[".repeat(10_000)}${"]".repeat(10_000)}]}]}]}`;
    for (const [body, message] of [
      [deepDoc(4_000), /too many lists or quotes inside one another/],
      [deepMarks, /./],
    ] as const) {
      expect(body.length).toBeLessThan(64 * 1024 - 300);
      const started = Date.now();
      const res = await base.annotate(`{"id":"${crypto.randomUUID()}","kind":"comment",${base.selectors},"body":${body}}`);
      expect(res.status).toBe(422);
      const error = (await res.json()).error as { message: string; issues?: { path: unknown[] }[] };
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/select/i);
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    // 10,000 levels through `content` cannot fit in 64 KB at all: refused for its size.
    const huge = await base.annotate(`{"id":"${crypto.randomUUID()}","kind":"comment","body":${deepDoc(10_000)}}`);
    expect(huge.status).toBe(413);
  });

  test("while hostile requests are in flight, an ordinary reader is still answered quickly", async () => {
    test.setTimeout(90_000);
    const timeGets = async () => {
      const timings: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = Date.now();
        const res = await fetch(base.create, { headers: { Cookie: base.cookie } });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        timings.push(Date.now() - started);
      }
      return timings;
    };
    // The same GETs before any hostile client: on a loaded machine every answer is slower, hostile or not.
    const calm = await timeGets();
    let stop = false;
    const hostile: Promise<unknown>[] = [];
    // Three slow uploads that drip a byte at a time and never finish.
    for (let i = 0; i < 3; i++) {
      hostile.push(rawPost(base.create, { ...jsonHeaders(), "Transfer-Encoding": "chunked" }, () => (stop ? null : Buffer.from(" ")), 100).catch(() => {}));
    }
    // Two clients flooding oversized bodies, two posting deep documents, over and over.
    const loop = async (work: () => Promise<unknown>) => {
      while (!stop) await work().catch(() => {});
    };
    for (let i = 0; i < 2; i++) {
      hostile.push(loop(() => rawPost(base.create, { ...jsonHeaders(), "Transfer-Encoding": "chunked" }, (sent) => (sent < 100 * MB ? filler : null))));
      hostile.push(loop(() => base.annotate(`{"id":"${crypto.randomUUID()}","kind":"comment",${base.selectors},"body":${deepDoc(4_000)}}`)));
    }
    await new Promise((r) => setTimeout(r, 500));

    const timings = await timeGets();
    stop = true;
    await Promise.race([Promise.all(hostile), new Promise((r) => setTimeout(r, 5_000))]);
    console.log(`reader GETs before: ${calm.join(", ")} ms; under hostile load: ${timings.join(", ")} ms`);
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    // A stalled server would hold every GET for as long as the hostile work lasts (seconds each).
    expect(median(timings)).toBeLessThan(Math.max(1_000, 4 * median(calm)));
    expect(Math.max(...timings)).toBeLessThan(Math.max(2_000, 4 * Math.max(...calm)));
  });
});
