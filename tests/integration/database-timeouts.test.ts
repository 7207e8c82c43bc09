import type { AddressInfo, Socket } from "node:net";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

/**
 * A database that hangs instead of failing: a long statement, a lock another
 * connection holds, a server that stops answering. Each must end in the
 * product's 503 "try again" within the configured limits, not a request that
 * waits forever. The app's own client talks to the database through a TCP
 * proxy this file can freeze, with a one-second statement timeout.
 */
const STATEMENT_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 1_000;

const proxy = await vi.hoisted(async () => {
  const { default: netModule } = await import("node:net");
  const target = new URL(process.env.DATABASE_URL!);
  const state = { frozen: false, sockets: new Set<Socket>(), realUrl: target.toString() };
  const server = netModule.createServer((client) => {
    state.sockets.add(client);
    // Connections opened while frozen are accepted and never answered, like a stopped server's.
    if (state.frozen) return;
    const upstream = netModule.connect(Number(target.port), target.hostname);
    state.sockets.add(upstream);
    client.on("data", (d) => !state.frozen && upstream.write(d));
    upstream.on("data", (d) => !state.frozen && client.write(d));
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      a.on("close", () => b.destroy());
      a.on("error", () => b.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(target);
  proxied.hostname = "127.0.0.1";
  proxied.port = String((server.address() as AddressInfo).port);
  process.env.DATABASE_URL = proxied.toString();
  // The same numbers as STATEMENT_TIMEOUT_MS and CONNECT_TIMEOUT_MS (hoisted code cannot read them).
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1000";
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "1000";
  return { server, state };
});

const { databasePoolConfig, db } = await import("@/lib/db");
const { POST: signUpRoute } = await import("@/app/api/signup/route");
const { errorResponse, toAppError } = await import("@/lib/server/http/error-response");

/** How a failure reaches the browser: the product's error response. */
async function answerFor(work: Promise<unknown>) {
  const started = Date.now();
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error, "the work should have failed").not.toBeNull();
  const res = errorResponse(toAppError(error));
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as { error: { message: string } }, ms: Date.now() - started };
}

const TRY_AGAIN = "The database is briefly unavailable. Try again in a moment.";

afterEach(() => {
  proxy.state.frozen = false;
});
afterAll(async () => {
  for (const s of proxy.state.sockets) s.destroy();
  await new Promise((resolve) => proxy.server.close(resolve));
});

describe("a database that hangs ends in 503 'try again', not a hung request", () => {
  it("runs ordinary queries through the proxy with the configured timeouts", async () => {
    expect(await db.$queryRaw<{ timeout: string }[]>`select current_setting('statement_timeout') as timeout`).toEqual([{ timeout: "1s" }]);
    expect(proxy.state.sockets.size).toBeGreaterThan(0);
  });

  it("cancels a statement running past the statement timeout (pg_sleep through the app's pool)", async () => {
    const answer = await answerFor(db.$queryRaw`select pg_sleep(5)`);
    expect(answer).toMatchObject({ status: 503, retryAfter: "2", body: { error: { message: TRY_AGAIN } } });
    expect(answer.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
    expect(answer.ms).toBeLessThan(4_000);
    // The pool is fine afterwards.
    expect(await db.$queryRaw`select 1 as ok`).toEqual([{ ok: 1 }]);
  });

  it("answers a sign-up 503 with Retry-After while another connection holds a lock on the accounts table", async () => {
    const holder = new pg.Client({ connectionString: proxy.state.realUrl });
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query("lock table users in access exclusive mode");
      const started = Date.now();
      const res = await signUpRoute(
        new Request("http://localhost:3000/api/signup", {
          method: "POST",
          headers: { origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json" },
          body: JSON.stringify({ name: "Locked Out", email: `locked-${Date.now()}@test.school`, password: "long-enough-password" }),
        }),
      );
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("2");
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(TRY_AGAIN);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await holder.query("rollback");
      await holder.end();
    }
  });

  it("gives up on a server that stopped answering mid-query, then works again once it answers", async () => {
    await db.$queryRaw`select 1`; // a pooled connection, open through the proxy
    proxy.state.frozen = true;
    const answer = await answerFor(db.$queryRaw`select 2`);
    expect(answer).toMatchObject({ status: 503, body: { error: { message: TRY_AGAIN } } });
    // The client's own limit: the statement timeout plus its grace, since a frozen server cancels nothing.
    expect(answer.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 5_000 + 2_000);
    proxy.state.frozen = false;
    expect(await db.$queryRaw`select 3 as ok`).toEqual([{ ok: 3 }]);
  }, 20_000);

  it("gives up on a new connection the frozen server never accepts, within the connection timeout", async () => {
    proxy.state.frozen = true;
    // A fresh pool with the app's settings, so the attempt needs a new connection.
    const pool = new pg.Pool(databasePoolConfig());
    try {
      const answer = await answerFor(pool.query("select 1"));
      expect(answer).toMatchObject({ status: 503, body: { error: { message: TRY_AGAIN } } });
      expect(answer.ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 50);
      expect(answer.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 2_000);
    } finally {
      await pool.end().catch(() => undefined);
    }
  });
});
