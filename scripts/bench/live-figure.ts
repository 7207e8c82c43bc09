import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Block } from "@/lib/content";
import type { RunningApp } from "../app-server";
import type { BenchUser } from "./bench-users";
import type { BenchSettings, FigureRow } from "./figure-row";
import { httpRequest } from "./http-client";
import { makeAnnotationInputs } from "./seed-annotations";
import { openSseListener, type SseListener } from "./sse-listener";
import { quantile, round } from "./stats";

/**
 * Figure 4: time from sending a create to its event arriving at 30 other
 * readers' streams, with one app instance and with two (half the readers on
 * each, the writer on the first). Baseline: PostgreSQL's own NOTIFY reaching
 * 30 LISTEN connections, the floor under the app's fan-out.
 */

const LISTENERS = 30;
const TIMEOUT_MS = 5_000;

export interface LiveSetup {
  databaseUrl: string;
  apps: RunningApp[];
  /** LISTENERS readers and one writer, all in the class. */
  users: BenchUser[];
  place: { assignmentId: string; revisionId: string; text: string; blocks: Block[] };
}

/** Waits until `count` arrivals are recorded for `key`, or the timeout passes. */
function waitForArrivals(arrivals: Map<string, number[]>, key: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const check = () => {
      if ((arrivals.get(key)?.length ?? 0) >= count || performance.now() > deadline) resolve();
      else setTimeout(check, 2);
    };
    check();
  });
}

async function measureApp(setup: LiveSetup, apps: RunningApp[], creates: number) {
  const { place } = setup;
  const readers = setup.users.slice(0, LISTENERS);
  const writer = setup.users[LISTENERS];
  const arrivals = new Map<string, number[]>();
  const db = new pg.Client({ connectionString: setup.databaseUrl });
  await db.connect();
  const { rows } = await db.query(`select coalesce(max(id), 0)::text as id from change_events where "assignmentId" = $1`, [place.assignmentId]);
  await db.end();
  const listeners: SseListener[] = readers.map((u, i) =>
    openSseListener(`${apps[i % apps.length].url}/api/assignments/${place.assignmentId}/events?since=${rows[0].id}`, u.cookie, (e) => {
      if (e.event !== "change") return;
      const { entityId } = JSON.parse(e.data) as { entityId: string };
      arrivals.set(entityId, [...(arrivals.get(entityId) ?? []), e.at]);
    }),
  );
  try {
    await Promise.all(listeners.map((l) => l.ready));
    const inputs = makeAnnotationInputs(place.text, place.blocks, creates + 1, 99);
    const latencies: number[] = [];
    const responseMs: number[] = [];
    let missing = 0;
    for (const [i, template] of inputs.entries()) {
      const input = { ...template, id: randomUUID() };
      const start = performance.now();
      const res = await httpRequest(`${apps[0].url}/api/assignments/${place.assignmentId}/annotations`, {
        method: "POST",
        headers: { Cookie: writer.cookie, Origin: apps[0].url, "Content-Type": "application/json" },
        body: JSON.stringify(input),
      });
      if (res.status !== 201) throw new Error(`create answered ${res.status}: ${res.body.slice(0, 200)}`);
      // Events name the stored id, which is the author's own (ownedId), not the client id sent.
      const storedId = (JSON.parse(res.body) as { annotation: { id: string } }).annotation.id;
      await waitForArrivals(arrivals, storedId, LISTENERS, TIMEOUT_MS);
      const got = arrivals.get(storedId) ?? [];
      missing += LISTENERS - got.length;
      if (i === 0) continue; // warm-up
      responseMs.push(res.totalMs);
      latencies.push(...got.map((at) => at - start));
      await new Promise((r) => setTimeout(r, 50));
    }
    return { latencies, responseMs, missing };
  } finally {
    for (const l of listeners) l.close();
  }
}

/** NOTIFY on one connection, LISTEN on 30: time from sending to each arrival. */
async function measureNotify(databaseUrl: string, notifications: number) {
  const channel = "bench_live_baseline";
  const arrivals = new Map<string, number[]>();
  const clients = await Promise.all(
    Array.from({ length: LISTENERS }, async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      c.on("error", () => {}); // the server going away on Ctrl-C is not a crash
      await c.connect();
      await c.query(`listen ${channel}`);
      c.on("notification", (m) => {
        if (m.payload) arrivals.set(m.payload, [...(arrivals.get(m.payload) ?? []), performance.now()]);
      });
      return c;
    }),
  );
  const sender = new pg.Client({ connectionString: databaseUrl });
  sender.on("error", () => {});
  await sender.connect();
  try {
    const latencies: number[] = [];
    for (let i = 0; i <= notifications; i++) {
      const key = randomUUID();
      const start = performance.now();
      await sender.query(`select pg_notify($1, $2)`, [channel, key]);
      await waitForArrivals(arrivals, key, LISTENERS, TIMEOUT_MS);
      if (i > 0) latencies.push(...(arrivals.get(key) ?? []).map((at) => at - start));
      await new Promise((r) => setTimeout(r, 50));
    }
    return latencies;
  } finally {
    await Promise.all([sender, ...clients].map((c) => c.end()));
  }
}

/** Rows per instance count: p50 and p95 from create to arrival at 30 readers (target p95 < 250 ms, none missed). */
export async function runLiveFigure(settings: BenchSettings, setup: LiveSetup): Promise<FigureRow[]> {
  if (setup.users.length < LISTENERS + 1) throw new Error(`live updates need ${LISTENERS + 1} signed-in users`);
  const creates = settings.isQuick ? 10 : 40;
  const base = await measureNotify(setup.databaseUrl, creates);
  const baseP50 = quantile(base, 0.5);
  const baseP95 = quantile(base, 0.95);
  settings.log(`  NOTIFY baseline: p50 ${round(baseP50)} ms, p95 ${round(baseP95)} ms`);
  const rows: FigureRow[] = [];
  for (const instances of setup.apps.length > 1 ? [1, 2] : [1]) {
    const r = await measureApp(setup, setup.apps.slice(0, instances), creates);
    const p50 = quantile(r.latencies, 0.5);
    const p95 = quantile(r.latencies, 0.95);
    settings.log(`  live, ${instances} instance(s): p50 ${round(p50)} ms, p95 ${round(p95)} ms, ${r.missing} missed`);
    const label = instances === 1 ? "1 instance" : "2 instances";
    const baselineLabel = "pg NOTIFY → 30 LISTEN connections";
    const details = {
      listeners: LISTENERS,
      creates,
      samples: r.latencies.length,
      missed: r.missing,
      createResponseP50: round(quantile(r.responseMs, 0.5)),
      baselineSamples: base.length,
    };
    rows.push(
      {
        id: `live.p50.${instances}`,
        figure: `Live update to 30 readers p50, ${label}`,
        unit: "ms",
        value: round(p50),
        baseline: round(baseP50),
        baselineLabel,
        details,
      },
      {
        id: `live.p95.${instances}`,
        figure: `Live update to 30 readers p95, ${label}`,
        unit: "ms",
        value: round(p95),
        baseline: round(baseP95),
        baselineLabel,
        target: { text: "< 250 ms, none missed", isMet: p95 < 250 && r.missing === 0 },
      },
    );
  }
  return rows;
}
