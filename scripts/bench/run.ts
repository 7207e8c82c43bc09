/**
 * `npm run bench [-- --quick]`: starts its own PostgreSQL (.data/bench-pg), a
 * fresh database with the demo class, the production build and the app; runs
 * each figure beside its baseline; writes bench/results.json and
 * bench/results.md; prints the table; stops everything it started. Exits 0
 * when targets are missed (the table says so), 1 only when something crashed.
 */
import { ensureChromium } from "../ensure-chromium";
import path from "node:path";
import pg from "pg";
import { DEMO_USERS } from "../../prisma/demo-users";
import { createBenchStudents, signInDemo } from "./bench-users";
import { launchBrowser } from "./browser";
import { runBundleFigure } from "./bundle-figure";
import { isInterrupted, onCleanup, stopAll, stopOnSignals } from "./cleanup";
import { runCritiqueFigure } from "./critique-figure";
import type { BenchSettings, FigureRow } from "./figure-row";
import { runLiveFanoutFigure } from "./live-fanout-figure";
import { runLiveFigure } from "./live-figure";
import { runReaderFigure } from "./reader-figure";
import { runReanchorFigure } from "./reanchor-figure";
import { runSourceFigure } from "./source-figure";
import { runSourceReaderFigure } from "./source-reader-figure";
import { writeReport, type BenchReport } from "./results-table";
import { resetAnnotations } from "./seed-annotations";
import { SECOND_APP_PORT, snapshotBuild, startBenchApp, startDatabase } from "./services";
import { renderStaticEssay, serveStatic } from "./static-baseline";
import { runWritesFigure } from "./writes-figure";

const RESULTS_DIR = path.resolve(__dirname, "../../bench");
/** 50 writers; 30 readers + 1 writer for live updates; 60 readers + 1 writer for the live fan-out. */
const BENCH_STUDENTS = 61;

async function main(): Promise<number> {
  const isQuick = process.argv.includes("--quick");
  // `--only=writes,reader` runs just those figures (for profiling one of them); the report lists what ran.
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
  const startedAt = new Date();
  const t0 = performance.now();
  const log = (line: string) => {
    const at = `[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s]`;
    console.log(line.startsWith("\n") ? `\n${at} ${line.slice(1)}` : `${at} ${line}`);
  };
  const settings: BenchSettings = { isQuick, log };
  const rows: FigureRow[] = [];
  const failures: BenchReport["failures"] = [];
  const figure = async (name: string, run: () => FigureRow[] | Promise<FigureRow[]>) => {
    if (only && !only.some((id) => name.toLowerCase().includes(id))) return;
    const start = performance.now();
    log(`\n${name}`);
    try {
      rows.push(...(await run()));
    } catch (error) {
      if (isInterrupted()) throw error; // abandon the run: the signal handler is stopping everything
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      failures.push({ figure: name, message });
      // Playwright appends the whole browser log to its messages: the first lines say enough.
      const trace = error instanceof Error ? (error.stack ?? message) : message;
      console.error(`  crashed: ${trace.split("\n").slice(0, 8).join("\n")}`);
    }
    log(`  (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  };
  stopOnSignals();
  // Before anything starts: the reader and bundle figures drive Chromium (installed as npm test installs it).
  try {
    ensureChromium("npm run bench");
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  log(`Marginalia bench (${isQuick ? "quick" : "full"})`);

  // The pure figure first, while nothing else of ours uses the CPU.
  await figure("1. Re-anchoring (pure)", () => runReanchorFigure(settings));
  await figure("6. Critique hints (pure)", () => runCritiqueFigure(settings));
  await figure("8. Sources: extraction and OCR (worker thread)", () => runSourceFigure(settings));

  const data = await startDatabase(log);
  const snapshot = snapshotBuild(log);
  const app = await startBenchApp(snapshot, data.databaseUrl, log);
  const db = new pg.Pool({ connectionString: data.databaseUrl, max: 4 });
  db.on("error", () => {}); // an idle connection dropped (e.g. on Ctrl-C) is not a crash
  onCleanup("bench pool", () => db.end());
  const place = { assignmentId: data.assignmentId, revisionId: data.revision.id, text: data.revision.text, blocks: data.revision.blocks };
  const studentIds = DEMO_USERS.filter((u) => u.role === "student").map((u) => data.demoUserIds.get(u.email)!);

  log("Signing in ana and the bench students…");
  const anaCookie = await signInDemo(app.url, "ana@demo.school");
  const students = await createBenchStudents(db, app.url, data.classroomId, BENCH_STUDENTS);
  const browser = await launchBrowser();
  const readerPath = `/essays/${data.essay.slug}?assignment=${data.assignmentId}`;

  await figure("5. Bundle", () => runBundleFigure(settings, { browser, appUrl: app.url, cookie: anaCookie, readerPath }));
  await figure("2. Reader page", async () => {
    const staticSite = await serveStatic(renderStaticEssay(data.essay.title, data.revision.text, data.revision.blocks));
    try {
      return await runReaderFigure(settings, {
        browser,
        db,
        appUrl: app.url,
        staticUrl: staticSite.url,
        cookie: anaCookie,
        place: { ...place, slug: data.essay.slug },
        authorIds: studentIds,
      });
    } finally {
      await staticSite.stop();
    }
  });
  await figure("8. Sources: the reader with a 20-page PDF", async () =>
    runSourceReaderFigure(settings, {
      browser,
      appUrl: app.url,
      teacherCookie: await signInDemo(app.url, "teacher@demo.school"),
      studentCookie: anaCookie,
      classroomId: data.classroomId,
    }),
  );
  await resetAnnotations(db, place, studentIds, 0);
  await figure("3. Writes", () =>
    runWritesFigure(settings, { databaseUrl: data.databaseUrl, appUrl: app.url, appPid: app.process.pid, users: students, place }),
  );
  await resetAnnotations(db, place, studentIds, 0);
  await figure("4. Live updates", async () => {
    const second = await startBenchApp(snapshot, data.databaseUrl, log, SECOND_APP_PORT);
    try {
      return await runLiveFigure(settings, { databaseUrl: data.databaseUrl, apps: [app, second], users: students, place });
    } finally {
      await second.stop();
    }
  });
  await figure("7. Live fan-out (60 readers, deltas vs full reloads)", async () => {
    const second = await startBenchApp(snapshot, data.databaseUrl, log, SECOND_APP_PORT);
    try {
      return await runLiveFanoutFigure(settings, {
        databaseUrl: data.databaseUrl,
        apps: [app, second],
        users: students,
        authorIds: students.slice(0, 30).map((u) => u.id),
        place,
        db,
      });
    } finally {
      await second.stop();
    }
  });

  // The figures are listed in the brief's order, whatever order they ran in.
  const order = ["reanchor", "reader", "writes", "live", "bundle", "critique", "sources"];
  rows.sort((a, b) => order.indexOf(a.id.split(".")[0]) - order.indexOf(b.id.split(".")[0]));
  const markdown = writeReport(
    { mode: isQuick ? "quick" : "full", startedAt: startedAt.toISOString(), seconds: Math.round((performance.now() - t0) / 1000), rows, failures },
    // A partial run must not replace the table README links to.
    only ? path.join(RESULTS_DIR, "tmp") : RESULTS_DIR,
  );
  console.log(`\n${markdown}`);
  log(`Wrote ${path.relative(process.cwd(), only ? path.join(RESULTS_DIR, "tmp") : RESULTS_DIR)}/results.json and results.md.`);
  return failures.length > 0 ? 1 : 0;
}

main()
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  })
  .catch(async (error) => {
    if (isInterrupted()) return; // the signal handler stops everything and exits
    console.error(`bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    await stopAll();
    process.exit(1);
  });
