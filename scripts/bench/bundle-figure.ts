import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";
import { newSignedInContext } from "./browser";
import type { BenchSettings, FigureRow } from "./figure-row";
import { round } from "./stats";

/**
 * Figure 5: first-load JavaScript of the reader route, gzipped. Rather than
 * parse build manifests (their shape changes between Next versions and
 * bundlers), load the page in Chromium and gzip every script it fetched,
 * which is what a first visit downloads. Baseline: the same for a 404 page,
 * the framework and root layout every route pays for.
 */

interface ScriptSizes {
  files: number;
  rawKB: number;
  gzipKB: number;
  largest: { url: string; gzipKB: number }[];
}

async function measureScripts(browser: Browser, url: string, cookie: string): Promise<ScriptSizes> {
  const context = await newSignedInContext(browser, new URL(url).origin, cookie);
  try {
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer>>();
    page.on("response", (res) => {
      if (res.request().resourceType() === "script" && res.ok()) bodies.set(res.url(), res.body());
    });
    const res = await page.goto(url, { waitUntil: "load" });
    // The 404 page is the baseline, so only a server error is a failure here.
    if (!res || res.status() >= 500) throw new Error(`GET ${url} answered ${res?.status()}`);
    await page.waitForLoadState("networkidle").catch(() => {}); // the live stream may keep it busy
    const sizes = await Promise.all(
      [...bodies].map(async ([u, body]) => {
        const raw = await body;
        return { url: new URL(u).pathname, raw: raw.length, gzip: gzipSync(raw).length };
      }),
    );
    if (sizes.length === 0) throw new Error(`${url} loaded no scripts`);
    return {
      files: sizes.length,
      rawKB: round(sizes.reduce((s, x) => s + x.raw, 0) / 1024, 1),
      gzipKB: round(sizes.reduce((s, x) => s + x.gzip, 0) / 1024, 1),
      largest: sizes
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 5)
        .map((x) => ({ url: x.url, gzipKB: round(x.gzip / 1024, 1) })),
    };
  } finally {
    await context.close();
  }
}

/** One row: gzipped first-load JS of the reader (target ≤ 200 KB) beside the 404 page's. */
export async function runBundleFigure(
  settings: BenchSettings,
  setup: { browser: Browser; appUrl: string; cookie: string; readerPath: string },
): Promise<FigureRow[]> {
  const reader = await measureScripts(setup.browser, `${setup.appUrl}${setup.readerPath}`, setup.cookie);
  const floor = await measureScripts(setup.browser, `${setup.appUrl}/bench-no-such-page`, setup.cookie);
  settings.log(`  reader JS: ${reader.gzipKB} KB gzip in ${reader.files} files (404 page: ${floor.gzipKB} KB)`);
  return [
    {
      id: "bundle.reader.gzip",
      figure: "Reader route first-load JS (gzip)",
      unit: "KB",
      value: reader.gzipKB,
      baseline: floor.gzipKB,
      baselineLabel: "404 page: framework + root layout",
      target: { text: "≤ 200 KB", isMet: reader.gzipKB <= 200 },
      details: { reader, baseline: floor },
    },
  ];
}
