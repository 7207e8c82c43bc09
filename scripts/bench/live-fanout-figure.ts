import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import type pg from "pg";
import type { Block } from "@/lib/content";
import type { RunningApp } from "../app-server";
import type { BenchUser } from "./bench-users";
import type { BenchSettings, FigureRow } from "./figure-row";
import { httpRequest } from "./http-client";
import { postmasterPid, treeCpuMs } from "./process-cpu";
import { makeAnnotationInputs, resetAnnotations } from "./seed-annotations";
import { openSseListener, type SseListener } from "./sse-listener";
import { quantile, round } from "./stats";

/**
 * Figure 7: live fan-out to 60 open readers of an assignment holding 600
 * annotations (30 students × 20), one create at a time, with one app
 * instance and with two (readers split between them, the writer on the
 * first). Two ways a reader can follow a write, measured in the same run:
 * - after (ours): the event carries the changed thread, mapped for that
 *   reader (lib/server/live/live-hub.ts); the reader has it on arrival;
 * - before (baseline): what readers did until deltas, simulated from the
 *   same events: on the change event, wait the old hook's 120 ms debounce,
 *   then GET the whole list (gzip, as a browser asks). Bytes are the bare
 *   event the old server sent (the same event without its thread) plus the
 *   list's answer on the wire; delivery ends when the list has arrived.
 * Per write: bytes sent to each reader, app CPU (every instance's process
 * tree, from /proc; the writer's own create included), and time from
 * sending the create to each reader having the item.
 */

const READERS = 60;
const ANNOTATIONS = 600;
/** The reader hook's debounce before a reload, until deltas (components/reader/use-annotations.ts). */
const OLD_DEBOUNCE_MS = 120;

export interface FanoutSetup {
  databaseUrl: string;
  apps: RunningApp[];
  /** READERS readers and one writer, all in the class. */
  users: BenchUser[];
  /** Authors of the 600 seeded annotations (30 students, 20 each). */
  authorIds: string[];
  place: { assignmentId: string; revisionId: string; text: string; blocks: Block[] };
  db: pg.Pool;
}

type Mode = "after" | "before";

interface ModeResult {
  /** Per reader per write. */
  bytes: number[];
  deliveries: number[];
  appCpuMsPerWrite: number | null;
  pgCpuMsPerWrite: number | null;
  missed: number;
  listBytes: number[];
}

/** A GET as a browser makes it (gzip), with the bytes of the answer as they crossed the wire (status line and headers included). */
function getOnWire(url: string, cookie: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers: { Cookie: cookie, "Accept-Encoding": "gzip, deflate, br" }, agent: fanoutAgent }, (res) => {
      let bytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
      for (let i = 0; i < res.rawHeaders.length; i += 2) bytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
const fanoutAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** The event the old server sent for a change: id, type, entity and actor, no thread. */
function bareEventBytes(id: string, data: { type: string; entityId: string; actorId: string | null }): number {
  const bare = JSON.stringify({ id, type: data.type, entityId: data.entityId, actorId: data.actorId });
  return Buffer.byteLength(`id: ${id}\nevent: change\ndata: ${bare}\n\n`);
}

function cpuOf(apps: RunningApp[]): number | null {
  const each = apps.map((a) => treeCpuMs(a.process.pid));
  return each.every((c) => c !== null) ? each.reduce((a, b) => a! + b!, 0) : null;
}

async function measure(setup: FanoutSetup, apps: RunningApp[], mode: Mode, writes: number, log: (line: string) => void): Promise<ModeResult> {
  const { place } = setup;
  const readers = setup.users.slice(0, READERS);
  const writer = setup.users[READERS];
  const listUrl = (app: RunningApp) => `${app.url}/api/assignments/${place.assignmentId}/annotations`;
  const { rows } = await setup.db.query(`select coalesce(max(id), 0)::text as id from change_events where "assignmentId" = $1`, [place.assignmentId]);
  /** Per created id: each reader's bytes and the time it had the item. */
  const got = new Map<string, { bytes: number; at: number }[]>();
  const listBytes: number[] = [];
  const record = (id: string, bytes: number, at: number) => got.set(id, [...(got.get(id) ?? []), { bytes, at }]);
  const listeners: SseListener[] = readers.map((u, i) => {
    const app = apps[i % apps.length];
    return openSseListener(`${app.url}/api/assignments/${place.assignmentId}/events?since=${rows[0].id}`, u.cookie, (e) => {
      if (e.event !== "change") return;
      const data = JSON.parse(e.data) as { id: string; type: string; entityId: string; actorId: string | null; thread?: { id: string } };
      const id = data.thread?.id ?? data.entityId;
      if (mode === "after") return record(id, e.bytes, e.at);
      const eventBytes = bareEventBytes(data.id, data);
      setTimeout(() => {
        getOnWire(listUrl(app), u.cookie).then(
          (res) => {
            if (res.status !== 200) return;
            listBytes.push(res.bytes);
            record(id, eventBytes + res.bytes, performance.now());
          },
          () => {},
        );
      }, OLD_DEBOUNCE_MS);
    });
  });
  try {
    await Promise.all(listeners.map((l) => l.ready));
    const inputs = makeAnnotationInputs(place.text, place.blocks, writes + 1, mode === "after" ? 71 : 73);
    const deliveries: number[] = [];
    const bytes: number[] = [];
    let missed = 0;
    let cpuStart: number | null = null;
    let pgStart: number | null = null;
    const pgPid = postmasterPid(path.resolve(__dirname, "../../.data/bench-pg"));
    for (const [i, template] of inputs.entries()) {
      // The first write warms both paths up and is not counted.
      if (i === 1) {
        cpuStart = cpuOf(apps);
        pgStart = treeCpuMs(pgPid);
      }
      const start = performance.now();
      const res = await httpRequest(`${apps[0].url}/api/assignments/${place.assignmentId}/annotations`, {
        method: "POST",
        headers: { Cookie: writer.cookie, Origin: apps[0].url, "Content-Type": "application/json" },
        body: JSON.stringify({ ...template, id: randomUUID() }),
      });
      if (res.status !== 201) throw new Error(`create answered ${res.status}: ${res.body.slice(0, 200)}`);
      const id = (JSON.parse(res.body) as { annotation: { id: string } }).annotation.id;
      const deadline = performance.now() + (mode === "after" ? 5_000 : 60_000);
      while ((got.get(id)?.length ?? 0) < READERS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      const arrivals = got.get(id) ?? [];
      if (i === 0) continue;
      missed += READERS - arrivals.length;
      deliveries.push(...arrivals.map((a) => a.at - start));
      bytes.push(...arrivals.map((a) => a.bytes));
      // A pause between writes, so each is measured on its own.
      await new Promise((r) => setTimeout(r, 100));
    }
    const cpuEnd = cpuOf(apps);
    const pgEnd = treeCpuMs(pgPid);
    const counted = inputs.length - 1;
    const perWrite = (a: number | null, b: number | null) => (a === null || b === null ? null : (b - a) / counted);
    log(`    ${mode}, ${apps.length} instance(s): p95 ${round(quantile(deliveries, 0.95))} ms, ${round(quantile(bytes, 0.5) / 1024)} KB/reader/write, ${missed} missed`);
    return { bytes, deliveries, appCpuMsPerWrite: perWrite(cpuStart, cpuEnd), pgCpuMsPerWrite: perWrite(pgStart, pgEnd), missed, listBytes };
  } finally {
    for (const l of listeners) l.close();
  }
}

/**
 * Rows per instance count, ours (deltas) beside the baseline (full reloads):
 * bytes per reader per write (target ≤ 2 KB), app CPU per write, and p95
 * delivery (target < 250 ms with two instances, none missed).
 */
export async function runLiveFanoutFigure(settings: BenchSettings, setup: FanoutSetup): Promise<FigureRow[]> {
  if (setup.users.length < READERS + 1) throw new Error(`live fan-out needs ${READERS + 1} signed-in users`);
  const writes = { after: settings.isQuick ? 5 : 20, before: settings.isQuick ? 2 : 6 };
  await resetAnnotations(setup.db, setup.place, setup.authorIds, ANNOTATIONS);
  const rows: FigureRow[] = [];
  const baselineLabel = `full reload: bare event + GET of the ${ANNOTATIONS}-annotation list (gzip) after the old 120 ms debounce, ${READERS} readers`;
  for (const instances of setup.apps.length > 1 ? [1, 2] : [1]) {
    const apps = setup.apps.slice(0, instances);
    const after = await measure(setup, apps, "after", writes.after, settings.log);
    const before = await measure(setup, apps, "before", writes.before, settings.log);
    const label = instances === 1 ? "1 instance" : "2 instances";
    const kb = (samples: number[]) => round(quantile(samples, 0.5) / 1024, 2);
    const details = {
      readers: READERS,
      annotations: ANNOTATIONS,
      writes,
      bytesP95: { after: round(quantile(after.bytes, 0.95)), before: round(quantile(before.bytes, 0.95)) },
      deliveryP50: { after: round(quantile(after.deliveries, 0.5)), before: round(quantile(before.deliveries, 0.5)) },
      pgCpuMsPerWrite: { after: after.pgCpuMsPerWrite && round(after.pgCpuMsPerWrite), before: before.pgCpuMsPerWrite && round(before.pgCpuMsPerWrite) },
      listBytesOnWireP50: round(quantile(before.listBytes, 0.5)),
      missed: { after: after.missed, before: before.missed },
      note: "App CPU covers every instance's process tree and includes the writer's create; the baseline's includes the hub building deltas its readers then ignore, a little more than the old hub did.",
    };
    const bytesAfter = kb(after.bytes);
    const p95After = quantile(after.deliveries, 0.95);
    rows.push(
      {
        id: `live.fanout.bytes.${instances}`,
        figure: `Live fan-out to ${READERS} readers: bytes per reader per write (median), ${label}`,
        unit: "KB",
        value: bytesAfter,
        baseline: kb(before.bytes),
        baselineLabel,
        target: { text: "≤ 2 KB", isMet: bytesAfter <= 2 },
        details,
      },
      {
        id: `live.fanout.cpu.${instances}`,
        figure: `Live fan-out to ${READERS} readers: app CPU per write, ${label}`,
        unit: "ms",
        value: round(after.appCpuMsPerWrite ?? Number.NaN, 1),
        baseline: before.appCpuMsPerWrite === null ? null : round(before.appCpuMsPerWrite, 1),
        baselineLabel,
      },
      {
        id: `live.fanout.p95.${instances}`,
        figure: `Live fan-out to ${READERS} readers: delivery p95, ${label}`,
        unit: "ms",
        value: round(p95After),
        baseline: round(quantile(before.deliveries, 0.95)),
        baselineLabel,
        ...(instances === 2 ? { target: { text: "< 250 ms, none missed", isMet: p95After < 250 && after.missed === 0 } } : {}),
      },
    );
  }
  await resetAnnotations(setup.db, setup.place, setup.authorIds, 0);
  return rows;
}
