import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Managed PostgreSQL behind PgBouncer in transaction mode: the app's pool
 * goes through the pooler (DATABASE_URL), while LISTEN, which needs a session
 * of its own, uses DATABASE_DIRECT_URL. A real PgBouncer 1.18 (Debian's, see
 * scripts/ensure-pgbouncer.ts) stands in front of the test PostgreSQL, set
 * up as managed poolers are: strict about startup parameters. Set before the
 * data layer is imported, so lib/db's one client is the pooled one.
 */
const setup = await vi.hoisted(async () => {
  const { startPgBouncer } = await import("../support/pgbouncer");
  const directUrl = process.env.DATABASE_URL!;
  const bouncer = await startPgBouncer(directUrl);
  if ("reason" in bouncer) return { skip: bouncer.reason, directUrl, pooledUrl: "", stop: async () => {} };
  process.env.DATABASE_URL = bouncer.pooledUrl;
  process.env.DATABASE_DIRECT_URL = directUrl;
  return { skip: null, directUrl, pooledUrl: bouncer.pooledUrl, stop: bouncer.stop };
});

const { db, databasePoolConfig, sessionConnectionConfig } = await import("@/lib/db");
const { createAnnotation } = await import("@/lib/server/annotations/create-annotation");
const { createFlag } = await import("@/lib/server/flags/create-flag");
const { reviewFlag } = await import("@/lib/server/flags/review-flag");
const { createReply } = await import("@/lib/server/replies/reply-writes");
const { createAnswerKeyEntry } = await import("@/lib/server/answer-key/create-answer-key-entry");
const { richTextFromPlain } = await import("@/lib/rich-text");
const { openTestStream, sessionFor } = await import("../support/live-stream");
const { commentInput, makeWorld, select } = await import("../support/world");

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
const direct = new pg.Pool({ connectionString: setup.directUrl, max: 2 });

/** Resolves with the first notification on `channel` that `client` hears, or null after `ms`. */
function nextNotification(client: pg.Client, channel: string, ms: number): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    client.on("notification", (n) => {
      if (n.channel !== channel) return;
      clearTimeout(timer);
      resolve(n.payload ?? "");
    });
  });
}

describe.skipIf(setup.skip !== null)(`pooled connections through PgBouncer${setup.skip ? `: skipped, ${setup.skip}` : ""}`, () => {
  beforeAll(async () => {
    world = await makeWorld();
  });

  afterAll(async () => {
    await direct.end();
    await db.$disconnect();
    await setup.stop();
  });

  it("is a transaction-mode pooler: a LISTEN through it hears nothing, the same LISTEN on the direct URL does", async () => {
    const channel = `pooled_check_${randomUUID().replace(/-/g, "")}`;
    const throughPooler = new pg.Client({ connectionString: setup.pooledUrl });
    const onDirect = new pg.Client(sessionConnectionConfig());
    await Promise.all([throughPooler.connect(), onDirect.connect()]);
    try {
      await throughPooler.query(`listen ${channel}`);
      await onDirect.query(`listen ${channel}`);
      const pooledHears = nextNotification(throughPooler, channel, 1_500);
      const directHears = nextNotification(onDirect, channel, 1_500);
      await direct.query("select pg_notify($1, 'hello')", [channel]);
      expect(await directHears).toBe("hello");
      expect(await pooledHears).toBeNull();
    } finally {
      await Promise.all([throughPooler.end(), onDirect.end()]);
    }
  });

  it("refuses a statement_timeout startup parameter, so the app's pool must not send one when pooled", async () => {
    const strict = new pg.Client({ connectionString: setup.pooledUrl, statement_timeout: 1_000 });
    const refused = await strict.connect().then(() => null, (e: Error) => e.message);
    await strict.end().catch(() => {});
    expect(refused).toMatch(/unsupported startup parameter/i);
    expect(databasePoolConfig()).not.toHaveProperty("statement_timeout");
    expect(databasePoolConfig().connectionString).toBe(setup.pooledUrl);
    expect(sessionConnectionConfig().connectionString).toBe(setup.directUrl);
  });

  it("writes through the pooler: a one-statement create, transactions with advisory locks, and their change log", async () => {
    const { ana, ben, teacher } = world.users;
    const assignmentId = world.assignmentA.id;
    const { annotation } = await createAnnotation({ viewerId: ana.id, assignmentId, input: commentInput(world.revision.text, "secret speech") });
    const { reply } = await createReply({ viewerId: ben.id, annotationId: annotation.id, input: { id: randomUUID(), body: richTextFromPlain("Through the pooler") } });
    const flag = await createFlag({
      viewerId: ben.id,
      assignmentId,
      input: {
        id: randomUUID(),
        scope: "class",
        ...select(world.revision.text, "February of 1956"),
        category: "date_number",
        correction: "1955",
        rationale: richTextFromPlain("Off by one."),
        evidence: [],
        tags: [],
      },
    });
    await reviewFlag({ viewerId: teacher.id, annotationId: flag.annotation.id, input: { status: "verified", reason: "" } });
    const { entry } = await createAnswerKeyEntry({
      viewerId: teacher.id,
      assignmentId,
      input: { source: "passage", words: "February of 1956", occurrence: 1, category: "date_number", correction: "1955", note: "" },
    });

    // Read back on the direct connection: committed, with their log entries in order.
    const { rows } = await direct.query<{ type: string; entityId: string }>(
      `select type, "entityId" from change_events where "assignmentId" = $1 order by id`,
      [assignmentId],
    );
    expect(rows.map((r) => [r.type, r.entityId])).toEqual(
      expect.arrayContaining([
        ["annotation.created", annotation.id],
        ["reply.created", reply.id],
        ["annotation.created", flag.annotation.id],
        ["flag.updated", flag.annotation.id],
      ]),
    );
    const status = await direct.query(`select status from flags where "annotationId" = $1`, [flag.annotation.id]);
    expect(status.rows[0].status).toBe("verified");
    expect((await direct.query(`select 1 from answer_key_entries where id = $1`, [entry.id])).rowCount).toBe(1);
  });

  it("delivers writes to an open live stream at once, through LISTEN on the direct connection (not the 5 s poll)", async () => {
    const { ana, ben } = world.users;
    const since = await direct.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from change_events`);
    const stream = await openTestStream({ viewerId: ben.id, sessionToken: await sessionFor(ben.id), assignmentId: world.assignmentA.id, since: since.rows[0].id });
    try {
      await expect.poll(() => stream.text.includes("retry:"), { timeout: 5_000 }).toBe(true);
      // Each of five writes arrives well inside the hub's 5 s safety poll: only a NOTIFY heard on LISTEN does that
      // every time (the poll alone would, by chance, for all five about once in 400 runs).
      for (const words of ["Molotov and Malenkov", "secret speech", "February of 1956", "Khrushchev", "Stalin"]) {
        const started = Date.now();
        const { annotation } = await createAnnotation({
          viewerId: ana.id,
          assignmentId: world.assignmentA.id,
          input: commentInput(world.revision.text, words, { comment: "Heard at once" }),
        });
        await expect.poll(() => stream.text.includes(annotation.id), { timeout: 6_000, interval: 10 }).toBe(true);
        expect({ words, isQuick: Date.now() - started < 1_500 }).toEqual({ words, isQuick: true });
      }
    } finally {
      stream.hangUp();
    }
  });
});
