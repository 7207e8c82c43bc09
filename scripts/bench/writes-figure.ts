import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { Block } from "@/lib/content";
import type { BenchUser } from "./bench-users";
import type { BenchSettings, FigureRow } from "./figure-row";
import { httpRequest } from "./http-client";
import { postmasterPid, treeCpuMs } from "./process-cpu";
import { makeAnnotationInputs, type AnnotationInput } from "./seed-annotations";
import { quantile, median, round } from "./stats";

/**
 * Figure 3: annotation creates per second from 50 signed-in clients, each
 * sending its next request as soon as the last one is answered, for a fixed
 * time. Baseline: the same rows INSERTed straight through `pg`, 50 at a time.
 */

const CLIENTS = 50;

export interface WritesSetup {
  databaseUrl: string;
  appUrl: string;
  appPid: number | undefined;
  users: BenchUser[];
  place: { assignmentId: string; revisionId: string; text: string; blocks: Block[] };
}

interface RunResult {
  ok: number;
  errors: string[];
  latencies: number[];
  seconds: number;
}

async function closedLoop(clients: number, seconds: number, send: (client: number, input: AnnotationInput) => Promise<string | null>, inputs: AnnotationInput[]): Promise<RunResult> {
  const out: RunResult = { ok: 0, errors: [], latencies: [], seconds: 0 };
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const input = { ...inputs[next++ % inputs.length], id: randomUUID() };
        const t = performance.now();
        // A refused or reset connection is an error of the run, not a crash of the bench.
        const error = await send(client, input).catch((e: Error) => `network: ${e.message}`);
        if (error) out.errors.push(error);
        else {
          out.ok++;
          out.latencies.push(performance.now() - t);
        }
      }
    }),
  );
  out.seconds = (performance.now() - start) / 1000;
  return out;
}

/** Rows: creates/s (target ≥ 50 % of raw INSERTs/s), p50 and p99 latency (target p99 < 100 ms). */
export async function runWritesFigure(settings: BenchSettings, setup: WritesSetup): Promise<FigureRow[]> {
  const seconds = settings.isQuick ? 3 : 10;
  const runs = settings.isQuick ? 1 : 3;
  const users = setup.users.slice(0, CLIENTS);
  if (users.length < CLIENTS) throw new Error(`writes need ${CLIENTS} signed-in users, got ${users.length}`);
  const { place } = setup;
  const inputs = makeAnnotationInputs(place.text, place.blocks, 2000, 4242);
  const url = `${setup.appUrl}/api/assignments/${place.assignmentId}/annotations`;
  const appSend = async (client: number, input: AnnotationInput) => {
    const res = await httpRequest(url, {
      method: "POST",
      headers: { Cookie: users[client].cookie, Origin: setup.appUrl, "Content-Type": "application/json" },
      body: JSON.stringify(input),
    });
    return res.status === 201 ? null : `${res.status} ${res.body.slice(0, 120)}`;
  };
  const pool = new pg.Pool({ connectionString: setup.databaseUrl, max: CLIENTS });
  pool.on("error", () => {}); // an idle connection dropped (e.g. on Ctrl-C) is not a crash
  const baseSend = async (client: number, input: AnnotationInput) => {
    await pool.query(
      `insert into annotations (id, "assignmentId", "authorId", "revisionId", kind, scope, exact, prefix, suffix, "startCp", "endCp", body, "updatedAt")
       values ($1, $2, $3, $4, $5, 'class', $6, $7, $8, $9, $10, $11, now())`,
      [input.id, place.assignmentId, users[client].id, place.revisionId, input.kind, input.quote.exact, input.quote.prefix,
        input.quote.suffix, input.position.start, input.position.end, input.body ? JSON.stringify(input.body) : null],
    );
    return null;
  };
  // The floor under any route of ours: Next's request handling plus one `select 1`, no session, no body.
  const healthSend = async () => {
    const res = await httpRequest(`${setup.appUrl}/api/health`, { method: "GET", headers: {} });
    return res.status === 200 ? null : `${res.status} ${res.body.slice(0, 120)}`;
  };
  const pgDataDir = path.resolve(__dirname, "../../.data/bench-pg");
  try {
    // Warm-up: every client's session and the route's code paths once.
    await closedLoop(CLIENTS, 0.5, appSend, inputs);
    await closedLoop(CLIENTS, 0.5, baseSend, inputs);
    const app: RunResult[] = [];
    const base: RunResult[] = [];
    const floor: RunResult[] = [];
    // A cheap profile: CPU the app and PostgreSQL spent per create (from /proc), beside the wall time.
    const profile: { appCpuMsPerCreate: number | null; pgCpuMsPerCreate: number | null; pgCpuMsPerRawInsert: number | null }[] = [];
    for (let i = 0; i < runs; i++) {
      const appCpu0 = treeCpuMs(setup.appPid);
      const pgCpu0 = treeCpuMs(postmasterPid(pgDataDir));
      const a = await closedLoop(CLIENTS, seconds, appSend, inputs);
      const appCpu1 = treeCpuMs(setup.appPid);
      const pgCpu1 = treeCpuMs(postmasterPid(pgDataDir));
      app.push(a);
      const b = await closedLoop(CLIENTS, seconds, baseSend, inputs);
      const pgCpu2 = treeCpuMs(postmasterPid(pgDataDir));
      base.push(b);
      floor.push(await closedLoop(CLIENTS, seconds, healthSend, inputs));
      profile.push({
        pgCpuMsPerRawInsert: pgCpu1 === null || pgCpu2 === null ? null : round((pgCpu2 - pgCpu1) / Math.max(1, b.ok), 3),
        appCpuMsPerCreate: appCpu0 === null || appCpu1 === null ? null : round((appCpu1 - appCpu0) / Math.max(1, a.ok), 2),
        pgCpuMsPerCreate: pgCpu0 === null || pgCpu1 === null ? null : round((pgCpu1 - pgCpu0) / Math.max(1, a.ok), 2),
      });
      settings.log(
        `  writes run ${i + 1}: app ${round(a.ok / a.seconds)}/s (${a.errors.length} errors), pg ${round(base[i].ok / base[i].seconds)}/s`,
      );
    }
    const rate = median(app.map((r) => r.ok / r.seconds));
    const baseRate = median(base.map((r) => r.ok / r.seconds));
    const lat = app.flatMap((r) => r.latencies);
    const baseLat = base.flatMap((r) => r.latencies);
    const errors = app.flatMap((r) => r.errors);
    const common = { clients: CLIENTS, seconds, runs, appPoolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10) };
    const baselineLabel = "raw pg INSERT, 50 connections";
    const floorRate = median(floor.map((r) => r.ok / r.seconds));
    return [
      {
        id: "writes.rate",
        figure: "Annotation creates/s, 50 clients",
        unit: "req/s",
        value: round(rate, 1),
        baseline: round(baseRate, 1),
        baselineLabel,
        target: { text: "≥ 50 % of baseline", isMet: rate >= 0.5 * baseRate && errors.length === 0 },
        details: { ...common, perRun: app.map((r) => round(r.ok / r.seconds, 1)), baselinePerRun: base.map((r) => round(r.ok / r.seconds, 1)), errors: errors.length, firstErrors: errors.slice(0, 3), profile },
      },
      {
        id: "writes.p50",
        figure: "Annotation create latency p50",
        unit: "ms",
        value: round(quantile(lat, 0.5)),
        baseline: round(quantile(baseLat, 0.5)),
        baselineLabel,
      },
      {
        id: "writes.p99",
        figure: "Annotation create latency p99",
        unit: "ms",
        value: round(quantile(lat, 0.99)),
        baseline: round(quantile(baseLat, 0.99)),
        baselineLabel,
        target: { text: "< 100 ms", isMet: quantile(lat, 0.99) < 100 },
        details: { samples: lat.length, baselineSamples: baseLat.length },
      },
      {
        // Context for the rate's target: no route of ours can beat the framework's own floor.
        id: "writes.floor",
        figure: "Floor: GET /api/health (Next + one `select 1`), 50 clients",
        unit: "req/s",
        value: round(floorRate, 1),
        baseline: round(baseRate, 1),
        baselineLabel,
        details: {
          perRun: floor.map((r) => round(r.ok / r.seconds, 1)),
          errors: floor.flatMap((r) => r.errors).length,
          p50: round(quantile(floor.flatMap((r) => r.latencies), 0.5)),
          p99: round(quantile(floor.flatMap((r) => r.latencies), 0.99)),
        },
      },
    ];
  } finally {
    await pool.end();
  }
}
