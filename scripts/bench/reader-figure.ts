import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import type pg from "pg";
import type { Block } from "@/lib/content";
import { newSignedInContext } from "./browser";
import type { BenchSettings, FigureRow } from "./figure-row";
import { resetAnnotations } from "./seed-annotations";
import { median, round } from "./stats";

/**
 * Figure 2: the reader page with 0, 600 (a class of 30 × 20) and 5,000
 * annotations in the assignment, against a static HTML page of the same
 * essay on a plain Node server. Server time is the first byte of the body
 * through fetch; full load is Chromium's navigation until the load event and
 * every thread placed in the margin; click to thread is the time from a
 * press on a highlight to its thread focused and laid out beside it.
 */

export interface ReaderSetup {
  browser: Browser;
  db: pg.Pool;
  appUrl: string;
  staticUrl: string;
  /** The viewer: a demo student. */
  cookie: string;
  place: { assignmentId: string; revisionId: string; text: string; blocks: Block[]; slug: string };
  /** Demo students, the annotations' authors in turn. */
  authorIds: string[];
}

interface Timing {
  headersMs: number;
  firstByteMs: number;
  totalMs: number;
  bytes: number;
}

/** One GET through fetch: headers, first body chunk, last body chunk. */
async function timeFetch(url: string, cookie: string | null, status = 200): Promise<Timing> {
  const start = performance.now();
  const res = await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  const headersMs = performance.now() - start;
  if (res.status !== status) throw new Error(`GET ${url} answered ${res.status}`);
  const reader = res.body!.getReader();
  let firstByteMs = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) firstByteMs = performance.now() - start;
    bytes += value.byteLength;
  }
  return { headersMs, firstByteMs, totalMs: performance.now() - start, bytes };
}

/**
 * Loads `url` in a fresh context (cold cache) until the load event and, for
 * the reader, `cards` thread cards and the "Live" badge (hydrated, stream open).
 */
interface BrowserLoad {
  ms: number;
  /** From the page's navigation timing: first response byte, DOMContentLoaded, load event. */
  responseStart: number;
  domContentLoaded: number;
  loadEvent: number;
}

/**
 * Threads the margin has placed: each group's cards plus its "N more here"
 * (the page defines it from the init script, so waitForFunction can call it).
 */
declare function threadsPlaced(): number;
const THREADS_PLACED = `window.threadsPlaced = () => [...document.querySelectorAll(".margin-layer > li.margin-group")].reduce(
  (n, li) => n + li.querySelectorAll("article").length + Number((/^(\\d+) more here$/.exec(li.querySelector(".margin-more")?.textContent ?? "") ?? [0, 0])[1]), 0);`;

async function timeBrowserLoad(browser: Browser, url: string, cookie: string | null, cards: number | null): Promise<BrowserLoad> {
  const context = await newSignedInContext(browser, new URL(url).origin, cookie);
  try {
    await context.addInitScript(THREADS_PLACED);
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    if (cards !== null) {
      await page
        .waitForFunction((n) => threadsPlaced() === n && document.querySelector(".live-badge.live-live") !== null, cards, { timeout: 120_000 })
        .catch(async (error: Error) => {
          const seen = await page.evaluate(() => ({
            cards: threadsPlaced(),
            badge: document.querySelector(".live-badge")?.textContent ?? "(no badge)",
          }));
          throw new Error(`${url} never showed ${cards} cards and "Live": ${seen.cards} cards, badge "${seen.badge}" (${error.message.split("\n")[0]})`);
        });
    }
    const ms = performance.now() - start;
    const nav = await page.evaluate(() => {
      const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return { responseStart: entry.responseStart, domContentLoaded: entry.domContentLoadedEventEnd, loadEvent: entry.loadEventEnd };
    });
    return { ms, ...nav };
  } finally {
    await context.close();
  }
}

async function measure(setup: ReaderSetup, url: string, cookie: string | null, cards: number | null, reps: { fetch: number; browser: number }) {
  await timeFetch(url, cookie); // warm-up: route compiled and cached, connections open
  const fetches: Timing[] = [];
  for (let i = 0; i < reps.fetch; i++) fetches.push(await timeFetch(url, cookie));
  await timeBrowserLoad(setup.browser, url, cookie, cards);
  const loads: BrowserLoad[] = [];
  for (let i = 0; i < reps.browser; i++) loads.push(await timeBrowserLoad(setup.browser, url, cookie, cards));
  return {
    ttfb: median(fetches.map((f) => f.firstByteMs)),
    headers: median(fetches.map((f) => f.headersMs)),
    total: median(fetches.map((f) => f.totalMs)),
    htmlKB: round(fetches[0].bytes / 1024, 1),
    load: median(loads.map((l) => l.ms)),
    loadSamples: loads.map((l) => round(l.ms)),
    navigation: {
      responseStart: round(median(loads.map((l) => l.responseStart))),
      domContentLoaded: round(median(loads.map((l) => l.domContentLoaded))),
      loadEvent: round(median(loads.map((l) => l.loadEvent))),
    },
  };
}

/** Rows per annotation count: TTFB and full load, each beside the static page (target ≤ 2× at 500). */
export async function runReaderFigure(settings: BenchSettings, setup: ReaderSetup): Promise<FigureRow[]> {
  const counts = settings.isQuick ? [0, 600] : [0, 600, 5000];
  const reps = settings.isQuick ? { fetch: 5, browser: 3 } : { fetch: 15, browser: 5 };
  const base = await measure(setup, `${setup.staticUrl}/`, null, null, reps);
  settings.log(`  static baseline: TTFB ${round(base.ttfb)} ms, load ${round(base.load)} ms`);
  const url = `${setup.appUrl}/essays/${setup.place.slug}?assignment=${setup.place.assignmentId}`;
  const rows: FigureRow[] = [floorRow(await signedInFloor(setup, reps.fetch), base.ttfb)];
  // The click's baseline: the same click in a reading with one thread.
  await resetAnnotations(setup.db, setup.place, setup.authorIds, 1);
  const clickBase = await timeClicks(setup, url, 1, 3);
  settings.log(`  click to thread, 1 annotation: ${round(clickBase)} ms`);
  for (const n of counts) {
    await resetAnnotations(setup.db, setup.place, setup.authorIds, n);
    const ours = await measure(setup, url, setup.cookie, n, n >= 5000 ? { fetch: reps.fetch, browser: 3 } : reps);
    // BENCH_DUMP_DIR=<dir> keeps each page's HTML, to see what its bytes are made of.
    if (process.env.BENCH_DUMP_DIR) {
      const html = await fetch(url, { headers: { Cookie: setup.cookie } }).then((r) => r.text());
      writeFileSync(path.join(process.env.BENCH_DUMP_DIR, `reader-${n}.html`), html);
    }
    settings.log(`  reader @${n}: TTFB ${round(ours.ttfb)} ms, full load ${round(ours.load)} ms`);
    const hasTarget = n === 600;
    const loadTarget = n === 600 ? 1000 : n === 5000 ? 2000 : null;
    const baselineLabel = "static HTML of the essay, plain Node http";
    rows.push(
      {
        id: `reader.ttfb.${n}`,
        figure: `Reader page server time (TTFB), ${n.toLocaleString("en")} annotations`,
        unit: "ms",
        value: round(ours.ttfb),
        baseline: round(base.ttfb),
        baselineLabel,
        ...(hasTarget ? { target: { text: "≤ 2× baseline", isMet: ours.ttfb <= 2 * base.ttfb } } : {}),
        details: { ...pick(ours, ["headers", "total", "htmlKB"]), baseline: pick(base, ["headers", "total", "htmlKB"]), reps },
      },
      {
        id: `reader.load.${n}`,
        figure: `Reader page full load in Chromium, ${n.toLocaleString("en")} annotations`,
        unit: "ms",
        value: round(ours.load),
        baseline: round(base.load),
        baselineLabel,
        ...(loadTarget ? { target: { text: `≤ ${loadTarget.toLocaleString("en")} ms`, isMet: ours.load <= loadTarget } } : {}),
        details: {
          samples: ours.loadSamples,
          baselineSamples: base.loadSamples,
          navigation: ours.navigation,
          baselineNavigation: base.navigation,
        },
      },
    );
    if (n > 0) {
      const click = await timeClicks(setup, url, n, settings.isQuick ? 5 : 10);
      settings.log(`  click to thread @${n}: ${round(click)} ms`);
      rows.push({
        id: `reader.click.${n}`,
        figure: `Click on a highlight to its thread focused beside it, ${n.toLocaleString("en")} annotations`,
        unit: "ms",
        value: round(click),
        baseline: round(clickBase),
        baselineLabel: "the same click in a reading with 1 annotation",
        target: { text: "≤ 100 ms", isMet: click <= 100 },
      });
    }
  }
  return rows;
}

/**
 * Median time from pressing a highlight to its thread focused and active, in
 * the page's own clock (pointerdown to the first frame where it holds), over
 * `clicks` highlights spread through the reading.
 */
async function timeClicks(setup: ReaderSetup, url: string, cards: number, clicks: number): Promise<number> {
  const context = await newSignedInContext(setup.browser, new URL(url).origin, setup.cookie);
  try {
    await context.addInitScript(THREADS_PLACED);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    await page.waitForFunction((n) => threadsPlaced() === n, cards, { timeout: 120_000 });
    const marks = page.locator("mark[data-ids]");
    const count = await marks.count();
    const times: number[] = [];
    for (let i = 0; i < clicks; i++) {
      const mark = marks.nth(Math.floor(((i + 0.5) / clicks) * count));
      await mark.scrollIntoViewIfNeeded();
      await page.evaluate(() => {
        const w = window as unknown as { clickStart: number };
        w.clickStart = 0;
        document.addEventListener("pointerdown", () => (w.clickStart = performance.now()), { capture: true, once: true });
      });
      await mark.click();
      const ms = await page.waitForFunction(
        () => {
          const active = document.activeElement;
          if (!active?.matches("article[data-annotation-id][aria-current='true']")) return false;
          return performance.now() - (window as unknown as { clickStart: number }).clickStart;
        },
        null,
        { polling: "raf", timeout: 30_000 },
      );
      times.push((await ms.jsonValue()) as number);
    }
    return median(times);
  } finally {
    await context.close();
  }
}

/**
 * The least a signed-in page of ours can cost: the not-found page for an essay
 * that does not exist (root layout, session check, one essay lookup).
 */
async function signedInFloor(setup: ReaderSetup, reps: number): Promise<number> {
  const url = `${setup.appUrl}/essays/no-such-essay-bench-floor`;
  await timeFetch(url, setup.cookie, 404);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push((await timeFetch(url, setup.cookie, 404)).firstByteMs);
  return median(times);
}

function floorRow(ttfb: number, baseline: number): FigureRow {
  return {
    id: "reader.floor",
    figure: "Floor: TTFB of a signed-in 404 page (layout, session, one lookup)",
    unit: "ms",
    value: round(ttfb),
    baseline: round(baseline),
    baselineLabel: "static HTML of the essay, plain Node http",
  };
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, typeof o[k] === "number" ? round(o[k] as number) : o[k]])) as Pick<T, K>;
}
