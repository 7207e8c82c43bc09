import { randomUUID } from "node:crypto";
import { e2eState } from "./support/api";
import { hostileBody, hostileValue, listEndpoints, QUERY_KEYS, samples, snapshotClass, urlOf, type Endpoint } from "./support/bad-input";
import { expect, test } from "./support/fixtures";
import { requireSession } from "./support/http-session";
import { seedClass, withDb, type SeededClass } from "./support/seed-class";

/**
 * No answer may take longer than this, however odd the request. Answers take tens of milliseconds;
 * the margin is for a machine shared with other suites, where a page can take a second or two.
 * A stall (a hung statement, a stream that never answers) runs into the 15 s statement limit.
 */
const MAX_MS = 5_000;
/** Generated cases per endpoint: bounded so the whole file stays well under a minute. */
const PATH_CASES = 5;
const QUERY_CASES = 2;
const BODY_CASES = 6;
/** Requests in flight at once: few, so that the other worker's specs are not starved. */
const WIDTH = 2;
/** What lib/server/http/route-params.ts and proxy.ts put in place of an unusable value. */
const UNMATCHABLE = ["-unmatchable-"];

interface Answer {
  label: string;
  status: number;
  location: string | null;
  ms: number;
  text: string;
}

test.describe.configure({ mode: "serial" });

test.describe("bad input never answers 500", () => {
  const { baseUrl, databaseUrl } = e2eState();
  const endpoints = listEndpoints();
  let world: SeededClass;
  let teacher: string;
  let student: string;
  let annotationId: string;
  let replyId: string;

  test.beforeAll(async () => {
    world = await seedClass(databaseUrl, { count: 1, teachers: 1, password: "bad-input-password-1", label: "badinput" });
    teacher = await requireSession(baseUrl, world.teachers[0].email, world.teachers[0].password);
    student = await requireSession(baseUrl, world.students[0].email, world.students[0].password);
    // Something of the student's for hostile bodies to aim at: a highlight with one reply.
    const start = world.text.indexOf("Khrushchev");
    const made = await send(student, "POST", `/api/assignments/${world.assignmentId}/annotations`, JSON.stringify({
      id: randomUUID(), kind: "highlight", scope: "class", tags: [],
      quote: { exact: "Khrushchev", prefix: world.text.slice(Math.max(0, start - 20), start), suffix: world.text.slice(start + 10, start + 30) },
      position: { start, end: start + 10 },
    }));
    expect(made.status, made.text).toBeLessThan(300);
    annotationId = (JSON.parse(bodyOf(made)) as { annotation: { id: string } }).annotation.id;
    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "A reply." }] }] };
    const replied = await send(student, "POST", `/api/annotations/${annotationId}/replies`, JSON.stringify({ id: randomUUID(), body: doc }));
    expect(replied.status, replied.text).toBeLessThan(300);
    replyId = (JSON.parse(bodyOf(replied)) as { reply: { id: string } }).reply.id;
  });

  async function send(cookie: string, method: string, url: string, body?: string): Promise<Answer> {
    const started = Date.now();
    const headers: Record<string, string> = { Cookie: cookie, Origin: baseUrl };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(`${baseUrl}${url}`, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(15_000) });
    // Streams (the live events) are cut after their first bytes: an answer is what is asked of them.
    const text = res.headers.get("content-type")?.startsWith("text/event-stream") ? (await res.body?.cancel(), "stream") : await res.text();
    return { label: `${method} ${url.slice(0, 160)}`, status: res.status, location: res.headers.get("location"), ms: Date.now() - started, text: `${res.headers.get("content-type") ?? ""}\n${res.headers.get("location") ?? ""}\n${text}` };
  }

  /** The answer's body, after the type and location lines `send` puts first. */
  function bodyOf(answer: Answer): string {
    return answer.text.split("\n").slice(2).join("\n");
  }

  /**
   * What must be the same as a random id's answer: the status, the type, and for JSON the error's
   * code and sentence. Pages echo the address they were asked for in many forms, so their HTML is not compared.
   */
  function comparable(answer: Answer): string {
    const [type, , ...rest] = answer.text.split("\n");
    if (type.startsWith("application/json")) {
      try {
        const error = (JSON.parse(rest.join("\n")) as { error?: { code?: string; message?: string } }).error;
        return `${answer.status} json ${error?.code ?? "-"} ${error?.message ?? "-"}`;
      } catch {
        return `${answer.status} unparsable json`;
      }
    }
    return `${answer.status} ${type.split(";")[0]}`;
  }

  async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>) {
    for (let i = 0; i < items.length; i += WIDTH) await Promise.all(items.slice(i, i + WIDTH).map(work));
  }

  /** The real id for a dynamic segment, by its name and the segment before it. */
  function realId(name: string, before: string): string {
    if (name === "slug") return "destalinization-origins";
    if (name === "userId") return world.students[0].id;
    if (name === "entryId") return randomUUID();
    if (before === "assignments") return world.assignmentId;
    if (before === "classes") return world.classId;
    if (before === "annotations" || before === "flags") return annotationId;
    if (before === "replies") return replyId;
    return randomUUID();
  }

  const isDynamic = (e: Endpoint) => e.segments.some((s) => s.startsWith("["));

  test("the endpoint list is read from app/ and holds the routes and pages we know about", () => {
    const listed = endpoints.map((e) => `${e.method} ${e.file}`);
    for (const known of [
      "GET app/api/annotations/[id]/route.ts",
      "GET app/api/assignments/[id]/events/route.ts",
      "POST app/api/assignments/[id]/import/route.ts",
      "GET app/essays/[slug]/page.tsx",
      "GET app/classes/[id]/page.tsx",
    ]) {
      expect(listed).toContain(known);
    }
  });

  test("hostile ids, query values and bodies on every route and page: no 500, no stall, answers like a random id's, nothing changed", async () => {
    test.setTimeout(240_000);
    const started = Date.now();
    const before = await snapshotClass(databaseUrl, world.classId);
    const failures: string[] = [];
    const answers: Answer[] = [];
    const check = (answer: Answer) => {
      answers.push(answer);
      if (answer.status >= 500) failures.push(`${answer.label}: ${answer.status} ${answer.text.slice(0, 200)}`);
      if (answer.ms > MAX_MS) failures.push(`${answer.label}: took ${answer.ms} ms`);
    };
    const bodyFor = (e: Endpoint) => (e.method === "GET" ? undefined : "{}");

    // Path ids: each hostile value must read exactly as a random id does.
    const dynamic = endpoints.filter(isDynamic);
    await inBatches(dynamic, async (e) => {
      const guess = randomUUID();
      const reference = await send(teacher, e.method, urlOf(e, () => guess), bodyFor(e));
      check(reference);
      for (const [i, value] of samples(hostileValue, PATH_CASES, endpoints.indexOf(e)).entries()) {
        let answer = await send(teacher, e.method, urlOf(e, () => value), bodyFor(e));
        check(answer);
        // A segment that is not UTF-8 is sent on (307) to the same path with an id no row has: follow it once.
        if (answer.status === 307 && answer.location?.includes(UNMATCHABLE[0])) {
          const next = new URL(answer.location, baseUrl);
          answer = await send(teacher, e.method, `${next.pathname}${next.search}`, bodyFor(e));
          check(answer);
        }
        if (comparable(answer) !== comparable(reference)) {
          failures.push(`${answer.label} (case ${i}): answered unlike the random id ${guess}: ${answer.status} vs ${reference.status} ${firstDifference(comparable(answer), comparable(reference))}`);
        }
      }
    });

    // Query values (and a hostile key), on the real ids for reads (random ones for writes): the same answer as random values.
    await inBatches(endpoints, async (e) => {
      const guess = randomUUID();
      const query = (v: string) => `?${QUERY_KEYS.map((k) => `${k}=${v}`).join("&")}&${v}=1`;
      const fill = e.method === "GET" ? realId : () => guess;
      const reference = await send(teacher, e.method, urlOf(e, fill, query(guess)), bodyFor(e));
      check(reference);
      for (const value of samples(hostileValue, QUERY_CASES, 1_000 + endpoints.indexOf(e))) {
        const answer = await send(teacher, e.method, urlOf(e, fill, query(value)), bodyFor(e));
        check(answer);
        if (e.file.includes("/events/")) continue; // a stream, open on both: compared by status only
        if (comparable(answer) !== comparable(reference)) {
          failures.push(`${answer.label}: answered unlike random query values: ${answer.status} vs ${reference.status} ${firstDifference(comparable(answer), comparable(reference))}`);
        }
      }
    });

    // Bodies: every mutation, on the class's real ids and on random ones, as its teacher and its student.
    const mutations = endpoints.filter((e) => e.method !== "GET");
    await inBatches(mutations, async (e) => {
      for (const [i, body] of samples(hostileBody, BODY_CASES, 2_000 + endpoints.indexOf(e)).entries()) {
        const cookie = i % 2 === 0 ? teacher : student;
        const isReal = e.readsBody && i % 4 < 2;
        check(await send(cookie, e.method, urlOf(e, isReal ? realId : () => randomUUID()), body));
      }
    });

    const after = await snapshotClass(databaseUrl, world.classId);
    const slowest = Math.max(...answers.map((a) => a.ms));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`bad input: ${answers.length} requests over ${endpoints.length} endpoints (${dynamic.length} with ids, ${mutations.length} taking bodies) in ${seconds} s; slowest ${slowest} ms`);
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    console.log(`  statuses: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(", ")}`);
    for (const line of failures.slice(0, 60)) console.log(`  ${line.slice(0, 400)}`);
    expect(failures).toEqual([]);
    expect(after, "a hostile request changed the class's rows").toBe(before);
  });

  test("a due date of year 10000 or year 0 is refused with a sentence", async () => {
    for (const dueAt of ["+010000-01-01T00:00:00.000Z", "0000-01-01"]) {
      const res = await send(teacher, "POST", `/api/classes/${world.classId}/assignments`, JSON.stringify({ essayId: world.essayId, dueAt }));
      expect(res.status, res.text).toBe(422);
      expect(res.text).toContain("Choose a due date between the years 2000 and 2100.");
    }
  });

  test("an import nested 100,000 levels deep is refused with a sentence", async () => {
    const deep = `{"type":"Annotation","body":${"[".repeat(100_000)}${"]".repeat(100_000)},"target":"x"}`;
    const res = await send(teacher, "POST", `/api/assignments/${world.assignmentId}/import`, deep);
    expect(res.status, res.text).toBe(422);
    expect(res.text).toContain("more than 200 levels deep");
  });

  test("a due date already stored in year 10000 leaves every page and API of the class answering 200", async () => {
    await withDb(databaseUrl, (c) => c.query(`update assignments set "dueAt" = '10000-01-01 17:00' where id = $1`, [world.assignmentId]));
    try {
      const a = world.assignmentId;
      const reader = `/essays/destalinization-origins?assignment=${a}`;
      const shared = ["/assignments", reader, `/essays/destalinization-origins/errata?assignment=${a}`, `/api/assignments/${a}/annotations`];
      // Hints are the teacher's until the assignment's setting shows them to students (a student gets 404).
      const teachers = [`/api/assignments/${a}/hints`, `/classes/${world.classId}`, `/assignments/${a}/review`, `/api/assignments/${a}/students`, `/api/assignments/${a}/students.csv`, `/api/assignments/${a}/key-report`, `/api/assignments/${a}/annotations.jsonld`, `/api/assignments/${a}/answer-key`, "/classes"];
      const answers = [
        ...(await Promise.all([...shared, ...teachers].map((url) => send(teacher, "GET", url)))),
        ...(await Promise.all(shared.map((url) => send(student, "GET", url)))),
      ];
      expect(answers.filter((r) => r.status !== 200).map((r) => `${r.label}: ${r.status} ${r.text.slice(0, 200)}`)).toEqual([]);
      const page = answers.find((r) => r.label === `GET ${reader}`)!;
      expect(page.text).toContain("date unknown");
    } finally {
      await withDb(databaseUrl, (c) => c.query(`update assignments set "dueAt" = now() + interval '7 days' where id = $1`, [world.assignmentId]));
    }
  });
});

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 60))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 60))}`;
}
