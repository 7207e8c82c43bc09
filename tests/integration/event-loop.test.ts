import { monitorEventLoopDelay } from "node:perf_hooks";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getHints } from "@/app/api/assignments/[id]/hints/route";
import { POST as importJsonLd } from "@/app/api/assignments/[id]/import/route";
import { PATCH as editReadingRoute } from "@/app/api/readings/[id]/route";
import { POST as addReadingRoute } from "@/app/api/readings/route";
import { parseEssay } from "@/lib/content";
import { describeHints } from "@/lib/critique/describe-hints";
import { db } from "@/lib/db";
import { parseStudentList } from "@/lib/server/classes/add-students";
import { createClass } from "@/lib/server/classes/class-writes";
import { spacesLine, termDriftReading } from "../unit/critique/worst-cases";
import { makeUser } from "../support/world";

/*
 * No request may hold the event loop: every other class shares this thread.
 * The worst inputs within the documented limits go through the real route
 * handlers while perf_hooks samples the loop. Only the session lookup is
 * replaced (it needs Next's request scope); the database is the real one.
 */
const viewer = vi.hoisted(() => ({ current: null as null | { id: string; name: string; email: string; mustChangePassword: boolean } }));
vi.mock("@/lib/server/auth/viewer", () => ({ getViewer: async () => viewer.current }));

const ORIGIN = "http://localhost:3000";
/** On an idle machine the loop must never stall longer than this during one request. */
const MAX_DELAY_MS = 100;
/**
 * On a loaded machine (CI shares its cores) every stall stretches with the
 * load, so the bound is also taken relative to what parsing the reading and
 * computing its hints on this thread costs right now: a request may block
 * for at most a tenth of that. On an idle machine 100 ms is the tighter one.
 */
let allowedMs = MAX_DELAY_MS;

const reading = (title: string, text: string) => ({
  title,
  author: "A. Author",
  source: "Crafted worst case",
  sourceUrl: "",
  retrieved: "2026-12-02",
  notes: "Generated for the event-loop test.",
  text,
  format: "md",
  isShared: false,
});

function request(path: string, method: string, body?: unknown): Request {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: { origin: ORIGIN, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Sends `req` to `handler` while sampling the event loop every 10 ms; the longest stall in ms and the answer. */
async function measured(handler: (req: Request) => Promise<Response>, req: Request): Promise<{ maxDelayMs: number; res: Response }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const res = await handler(req);
  histogram.disable();
  console.info(`${req.method} ${new URL(req.url).pathname}: ${res.status}, event loop max delay ${Math.round(histogram.max / 1e6 - 10)} ms`);
  // The histogram counts the sampling interval itself into each delay.
  return { maxDelayMs: histogram.max / 1e6 - 10, res };
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

// 1 MB of text with 2,000 distinct heading words, JSON-encoded under the 1.2 MB body limit.
const DRIFT_TEXT = termDriftReading(990_000);
const SPACES_TEXT = Array.from({ length: 15 }, () => spacesLine(60_000)).join("\n\n");

let essayId = "";
let assignmentId = "";

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  const teacher = await makeUser("Loop Teacher", "teacher");
  viewer.current = { id: teacher.id, name: "Loop Teacher", email: `${teacher.id}@test.school`, mustChangePassword: false };
  const classroom = await createClass({ viewerId: teacher.id, name: "Loop class" });
  const inlineStarted = performance.now();
  const parsed = parseEssay("inline.md", `---\ntitle: T\nauthor: A\nsource: S\nretrieved: 2026-12-02\nnotes: N\n---\n\n${DRIFT_TEXT}\n`);
  describeHints(parsed.text, parsed.blocks, "Stall test");
  const inlineMs = performance.now() - inlineStarted;
  allowedMs = Math.max(MAX_DELAY_MS, inlineMs / 10);
  console.info(`parsing and hints on the request thread would take ${Math.round(inlineMs)} ms; allowed stall ${Math.round(allowedMs)} ms`);
  const { res } = await measured((req) => addReadingRoute(req, params({})), request("/api/readings", "POST", reading("Stall test", DRIFT_TEXT)));
  expect([res.status, await res.clone().text()]).toEqual([201, expect.any(String)]);
  essayId = ((await res.json()) as { essay: { id: string } }).essay.id;
  const assignment = await db.assignment.create({ data: { classroomId: classroom.id, essayId, dueAt: new Date(Date.now() + 86_400_000) } });
  assignmentId = assignment.id;
}, 120_000);

describe("the event loop under the worst inputs", () => {
  it("stays free while a 1 MB reading with 2,000 heading words is created", async () => {
    const { maxDelayMs, res } = await measured((req) => addReadingRoute(req, params({})), request("/api/readings", "POST", reading("Stall test again", DRIFT_TEXT)));
    expect(res.status).toBe(201);
    expect(maxDelayMs).toBeLessThan(allowedMs);
  });

  it("stays free while the hints of that reading are computed, and the hints are real", async () => {
    const started = performance.now();
    const url = `/api/assignments/${assignmentId}/hints`;
    // Past the time budget the answer is 503 "still being prepared"; a client asks again.
    const ask = (req: Request) => getHints(req, params({ id: assignmentId }));
    let answer = await measured(ask, request(url, "GET"));
    const delays = [answer.maxDelayMs];
    while (answer.res.status === 503 && delays.length < 10) {
      answer = await measured(ask, request(url, "GET"));
      delays.push(answer.maxDelayMs);
    }
    const elapsed = performance.now() - started;
    expect(answer.res.status).toBe(200);
    const body = (await answer.res.json()) as { hints: { kind: string }[] };
    // Each of the 50 drifted words is written once, in the opening paragraph, against its heading's spelling.
    expect(body.hints.filter((h) => h.kind === "term-drift").length).toBe(50);
    expect(Math.max(...delays)).toBeLessThan(allowedMs);
    console.info(`hints for a 1 MB reading: ${Math.round(elapsed)} ms over ${delays.length} request(s), event loop max delay ${Math.round(Math.max(...delays))} ms`);
  }, 90_000);

  it("stays free while that reading is edited: a title-only change, then lines of 60,000 spaces", async () => {
    const edit = (req: Request) => editReadingRoute(req, params({ id: essayId }));
    const title = await measured(edit, request(`/api/readings/${essayId}`, "PATCH", reading("Stall test, retitled", DRIFT_TEXT)));
    expect(title.res.status).toBe(200);
    expect(title.maxDelayMs).toBeLessThan(allowedMs);
    const spaces = await measured(edit, request(`/api/readings/${essayId}`, "PATCH", reading("Stall test, retitled", SPACES_TEXT)));
    expect(spaces.res.status).toBe(200);
    expect(spaces.maxDelayMs).toBeLessThan(allowedMs);
  }, 60_000);

  it("stays free while a 64 KB JSON-LD file of hostile HTML is imported", async () => {
    const annotation = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", format: "text/html", value: "<".repeat(60_000) },
      target: { source: `${ORIGIN}/essays/x`, selector: { type: "TextQuoteSelector", exact: "a" } },
    };
    const { maxDelayMs, res } = await measured(
      (req) => importJsonLd(req, params({ id: assignmentId })),
      request(`/api/assignments/${assignmentId}/import`, "POST", [annotation]),
    );
    // Refused, as the issue saw it, once the body is text: 60,000 characters is over the comment limit.
    expect(res.status).toBe(422);
    expect(maxDelayMs).toBeLessThan(allowedMs);
  });
});

describe("roster lines", () => {
  it("reads roster lines as before, and a line of 50,000 commas fast", () => {
    expect(parseStudentList("Ana Petrova, ana@school.org\nBen Li <ben@school.org>\nChloé\tchloe@school.org")).toEqual([
      { name: "Ana Petrova", email: "ana@school.org" },
      { name: "Ben Li", email: "ben@school.org" },
      { name: "Chloé", email: "chloe@school.org" },
    ]);
    const started = performance.now();
    expect(() => parseStudentList(`A${",".repeat(50_000)}`)).toThrow(/Line 1/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
