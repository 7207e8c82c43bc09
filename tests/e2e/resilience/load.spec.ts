import { e2eState } from "../support/api";
import { EventFollower } from "../support/event-follower";
import { expect, test } from "../support/fixtures";
import { requireSession } from "../support/http-session";
import { doc, LoadLog, mapLimit, randomPassage, writeWithRetry, type RetryMode } from "../support/load-client";
import { seedClass, withDb } from "../support/seed-class";

const STUDENTS = 60;
const ANNOTATIONS = 20;
const REPLIES = 5;
const FLAGS = 3;
/** The test gives up (and fails) rather than run on: it must stop by itself. E2E_LOAD_BUDGET_MS widens it on a busy machine. */
const BUDGET_MS = Number(process.env.E2E_LOAD_BUDGET_MS ?? 120_000);
const PASSWORD = "load-test-password";

interface Acked {
  annotations: Set<string>;
  flags: Set<string>;
  replies: Set<string>;
}

test("60 students write at once, every write sent twice; the database holds exactly what was acknowledged, once", async () => {
  test.setTimeout(BUDGET_MS + 60_000);
  const { baseUrl, databaseUrl } = e2eState();
  const seeded = await seedClass(databaseUrl, { count: STUDENTS, password: PASSWORD, label: "load" });
  const cookies = await mapLimit(seeded.students, 8, (s) => requireSession(baseUrl, s.email, PASSWORD));

  // A classmate's open reader: it must hear of every comment, highlight and reply, however the commits interleave.
  const follower = new EventFollower(`${baseUrl}/api/assignments/${seeded.assignmentId}/events?since=0`, cookies[0]);
  const log = new LoadLog();
  const acked: Acked = { annotations: new Set(), flags: new Set(), replies: new Set() };
  const deadline = Date.now() + BUDGET_MS;
  const mode = (): RetryMode => (Math.random() < 0.5 ? "after-lost-answer" : "while-in-flight");
  const expectOk = (
    what: string,
    result: { status: number; json: Record<string, { id: string }>; statuses: number[] },
    key: string,
    id: string,
  ): string | null => {
    // The stored id is the author's own (ownedId), not the client id sent.
    const stored = result.json[key]?.id;
    if (![200, 201].includes(result.status) || !stored) {
      log.problems.push(`${what} ${id}: ${result.status} ${JSON.stringify(result.json).slice(0, 200)}`);
      return null;
    }
    // Of the two copies exactly one was "created" (201); the other was told it is a replay (200).
    if ([...result.statuses].sort().join() !== "200,201") log.problems.push(`${what} ${id}: answered ${result.statuses.join(" and ")}`);
    return stored;
  };

  /** One student's session: annotations, then replies to their own comments, then flags, all in order. */
  const student = async (cookie: string) => {
    const session = { baseUrl, cookie };
    const comments: string[] = [];
    for (let i = 0; i < ANNOTATIONS && Date.now() < deadline; i++) {
      const id = crypto.randomUUID();
      const kind = i % 2 === 0 ? "comment" : "highlight";
      const body = { id, kind, scope: "class", ...randomPassage(seeded.text), ...(kind === "comment" ? { body: doc(`Note ${i}`) } : {}) };
      const result = await writeWithRetry(log, session, `/api/assignments/${seeded.assignmentId}/annotations`, body, mode());
      const stored = expectOk("annotation", result, "annotation", id);
      if (stored) {
        acked.annotations.add(stored);
        if (kind === "comment") comments.push(stored);
      }
    }
    for (let i = 0; i < REPLIES && i < comments.length && Date.now() < deadline; i++) {
      const id = crypto.randomUUID();
      const result = await writeWithRetry(log, session, `/api/annotations/${comments[i]}/replies`, { id, body: doc(`Reply ${i}`) }, mode());
      const stored = expectOk("reply", result, "reply", id);
      if (stored) acked.replies.add(stored);
    }
    for (let i = 0; i < FLAGS && Date.now() < deadline; i++) {
      const id = crypto.randomUUID();
      const flag = {
        id,
        scope: "class",
        ...randomPassage(seeded.text),
        category: "date_number",
        correction: "1955",
        rationale: doc(`The date is wrong (${i}).`),
        evidence: [],
      };
      const result = await writeWithRetry(log, session, `/api/assignments/${seeded.assignmentId}/flags`, flag, mode());
      const stored = expectOk("flag", result, "annotation", id);
      if (stored) acked.flags.add(stored);
    }
  };

  const started = performance.now();
  await Promise.all(cookies.map(student));
  const seconds = (performance.now() - started) / 1000;
  const items = acked.annotations.size + acked.replies.size + acked.flags.size;
  console.log(
    [
      `load: ${STUDENTS} students, ${log.latencies.length} requests in ${seconds.toFixed(1)} s`,
      `throughput ${(log.latencies.length / seconds).toFixed(0)} req/s (${(items / seconds).toFixed(0)} acknowledged items/s)`,
      `latency p50 ${log.percentile(50).toFixed(0)} ms, p99 ${log.percentile(99).toFixed(0)} ms, max ${log.percentile(100).toFixed(0)} ms`,
      `statuses ${JSON.stringify(Object.fromEntries(log.statuses))}`,
    ].join("\n  "),
  );

  expect(log.problems).toEqual([]);

  // Consistency first, whatever got done: the database holds exactly the acknowledged writes.
  await withDb(databaseUrl, async (client) => {
    const ids = async (sql: string) => new Set((await client.query<{ id: string }>(sql, [seeded.assignmentId])).rows.map((r) => r.id));
    const stored = await ids(`select id from annotations where "assignmentId" = $1 and kind <> 'flag'`);
    const flags = await ids(`select a.id from annotations a join flags f on f."annotationId" = a.id where a."assignmentId" = $1`);
    const replies = await ids(`select r.id from replies r join annotations a on a.id = r."annotationId" where a."assignmentId" = $1`);
    expect(stored).toEqual(acked.annotations);
    expect(flags).toEqual(acked.flags);
    expect(replies).toEqual(acked.replies);

    // Each write happened once: one change event, one finder credit, one audit entry, whatever the retries did.
    const { rows: doubled } = await client.query(
      `select "entityId", type, count(*) from change_events where "assignmentId" = $1 group by 1, 2 having count(*) > 1`,
      [seeded.assignmentId],
    );
    expect(doubled).toEqual([]);
    const { rows: events } = await client.query<{ type: string; n: string }>(
      `select type, count(*) as n from change_events where "assignmentId" = $1 group by type order by type`,
      [seeded.assignmentId],
    );
    expect(Object.fromEntries(events.map((e) => [e.type, Number(e.n)]))).toEqual({
      "annotation.created": acked.annotations.size + acked.flags.size,
      "reply.created": acked.replies.size,
    });
    const { rows: counts } = await client.query<{ credits: string; audits: string }>(
      `select (select count(*) from flag_credits c join annotations a on a.id = c."fromAnnotationId" where a."assignmentId" = $1) as credits,
              (select count(*) from audit_events e join annotations a on a.id = e."entityId" where a."assignmentId" = $1 and e.action = 'created') as audits`,
      [seeded.assignmentId],
    );
    expect([Number(counts[0].credits), Number(counts[0].audits)]).toEqual([acked.flags.size, acked.flags.size]);
  });

  // Classmates' flags stay hidden until the follower flags too, so only comments, highlights and replies are awaited.
  await follower.waitFor([...acked.annotations, ...acked.replies], 15_000);
  await follower.stop();

  // Then completeness: all of it inside the time budget (2 min: the 2-core CI machine measured ~52 s).
  expect(Date.now(), "ran out of time: the app did not take 60 students' work within the budget").toBeLessThan(deadline);
  expect([acked.annotations.size, acked.replies.size, acked.flags.size]).toEqual([
    STUDENTS * ANNOTATIONS,
    STUDENTS * REPLIES,
    STUDENTS * FLAGS,
  ]);
});
