/**
 * The shared XSS corpus and the Chromium tripwires the XSS specs use: load
 * the payloads, pack them into rows, open a page with every way a payload
 * could run recorded, and check that nothing ran and the text is shown.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { findConformanceDir } from "../../helpers/conformance";
import { expect } from "./fixtures";

export interface Payload {
  id: string;
  source: string;
  context: string;
  payload: string;
}

/** Where the shared material is, or null on a fresh clone (the specs then report themselves skipped). */
export const corpusDir = findConformanceDir();

/** The corpus exactly as shipped (333 payloads), or [] without the shared material. */
export const rawPayloads: Payload[] = corpusDir
  ? (JSON.parse(readFileSync(path.join(corpusDir, "xss/payloads.json"), "utf8")) as { payloads: Payload[] }).payloads
  : [];

/** Rich text refuses C0 controls other than tab and newline (lib/rich-text/schema.ts). */
export const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
export const withControls = rawPayloads.filter((p) => new RegExp(CONTROLS.source).test(p.payload));
/** The corpus as it is sent in batches: payloads with controls lose only those characters. */
export const payloads: Payload[] = rawPayloads.map((p) => ({ ...p, payload: p.payload.replace(CONTROLS, "") }));

export type Doc = { type: "doc"; content: unknown[] };
export const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
export const doc = (...texts: string[]): Doc => ({ type: "doc", content: texts.map(paragraph) });

/** Groups items, in order, so each group holds at most `count` of them and `budget` characters. */
export function pack(items: Payload[], budget: number, count: number): Payload[][] {
  const groups: Payload[][] = [];
  let current: Payload[] = [];
  let size = 0;
  for (const item of items) {
    const length = [...item.payload].length + 1;
    if (current.length > 0 && (current.length >= count || size + length > budget)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Runs `work` over `items`, `width` at a time. */
export async function inBatches<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    results.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => work(item, i + j)))));
  }
  return results;
}

/** Tripwires, installed before any page script: every way a payload could show it ran is recorded. */
export function installTripwires() {
  const w = window as unknown as Record<string, unknown> & { __xss: string[] };
  w.__xss = [];
  const record = (what: string) => (...args: unknown[]) => {
    w.__xss.push(`${what}(${args.map(String).join(",")})`);
    return what === "confirm" ? false : what === "prompt" ? null : undefined;
  };
  for (const name of ["alert", "confirm", "prompt", "print", "xss", "XSS", "attack", "pwn", "pwned", "evil"]) {
    Object.defineProperty(window, name, { value: record(name), writable: false, configurable: false });
  }
}

export interface Watch {
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
  cspViolations: string[];
}

export function watch(page: Page): Watch {
  const seen: Watch = { dialogs: [], pageErrors: [], consoleErrors: [], cspViolations: [] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("pageerror", (error) => seen.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (/Content Security Policy/i.test(text)) seen.cspViolations.push(text);
    else if (/Failed to load resource|net::ERR_/i.test(text)) return;
    else seen.consoleErrors.push(text);
  });
  return seen;
}

/** What the page shows that user content could have turned into script. */
export async function hazards(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const frame of [document, ...[...document.querySelectorAll("iframe")].map((f) => f.contentDocument).filter((d): d is Document => !!d)]) {
      for (const a of frame.querySelectorAll("a[href], area[href]")) {
        const href = (a.getAttribute("href") ?? "").trim().toLowerCase().replace(/[\u0000-\u0020]/g, "");
        if (href.startsWith("javascript:") || href.startsWith("data:") || href.startsWith("vbscript:")) found.push(`href: ${href.slice(0, 80)}`);
      }
      for (const el of frame.querySelectorAll("*")) {
        for (const attr of el.getAttributeNames()) {
          if (/^on/i.test(attr)) found.push(`<${el.tagName.toLowerCase()} ${attr}>`);
          if (/^(?:xlink:)?href$|^src$|^action$|^formaction$/i.test(attr)) {
            const value = (el.getAttribute(attr) ?? "").trim().toLowerCase().replace(/[\u0000-\u0020]/g, "");
            if (value.startsWith("javascript:")) found.push(`<${el.tagName.toLowerCase()} ${attr}=${value.slice(0, 60)}>`);
          }
        }
      }
    }
    for (const el of document.querySelectorAll("iframe, object, embed, base, meta[http-equiv]")) {
      if (el.closest("[data-annotation-id], .thread, .flag-card, li.erratum, main")) found.push(`<${el.tagName.toLowerCase()}> in content`);
    }
    return found;
  });
}

/** A page in `context` with the tripwires in place and its events watched. */
export async function newReader(context: BrowserContext): Promise<{ page: Page; seen: Watch }> {
  await context.addInitScript(installTripwires);
  const page = await context.newPage();
  return { page, seen: watch(page) };
}

/** Another page in a context that already has the tripwires (newReader installed them), watched too. */
export async function openTab(context: BrowserContext): Promise<{ page: Page; seen: Watch }> {
  const page = await context.newPage();
  return { page, seen: watch(page) };
}

/** What one page check found, for the spec's summary line. */
export interface PageCheck {
  url: string;
  executions: number;
  csp: string[];
  console: string[];
}

/** Asserts that nothing ran on the page as it is now and nothing dangerous is rendered. */
export async function expectNothingRan(page: Page, seen: Watch, where: string): Promise<PageCheck> {
  const executions = await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss);
  expect.soft(seen.dialogs, `dialogs on ${where}`).toEqual([]);
  expect.soft(executions, `recorded executions on ${where}`).toEqual([]);
  expect.soft(seen.pageErrors, `page errors on ${where}`).toEqual([]);
  expect.soft(await hazards(page), `dangerous markup on ${where}`).toEqual([]);
  return { url: where, executions: executions.length, csp: [...seen.cspViolations], console: [...seen.consoleErrors] };
}

/** Opens `url`, lets it settle, and asserts that nothing ran and nothing dangerous was rendered. */
export async function checkPage(page: Page, seen: Watch, url: string, stamp: string | null): Promise<PageCheck> {
  for (const list of Object.values(seen)) list.length = 0;
  await page.goto(url);
  await page.waitForLoadState("networkidle").catch(() => undefined);
  if (stamp) await expect(page.locator("body")).toContainText(stamp, { timeout: 20_000 });
  // Give onerror/onload handlers of broken images and late renders a moment.
  await page.waitForTimeout(1_500);
  return expectNothingRan(page, seen, url);
}

/** Whitespace collapsed, as a reader sees text (and as `truncateText` shows it). */
export const flatten = (text: string) => text.replace(/\s+/gu, " ").trim();

/** Payloads whose text survives storage unchanged: no lone surrogates (stored as U+FFFD) and some visible text. */
export function isFaithful(text: string): boolean {
  return flatten(text) !== "" && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Every `step`-th faithful payload: the sample whose text must be visible, escaped, on a page. */
export function sampleOf(items: Payload[], count: number): Payload[] {
  const faithful = items.filter((p) => isFaithful(p.payload));
  const step = Math.max(1, Math.floor(faithful.length / count));
  return faithful.filter((_, i) => i % step === 0).slice(0, count);
}

/** Texts that must be visible in the elements `selector` matches; `without` are removed from them first. */
export interface Shown {
  selector: string;
  wanted: string[];
  /**
   * Texts to take out before looking, e.g. a name that holds the whole corpus
   * and would otherwise make every sample "present".
   */
  without?: string[];
}

/**
 * Asserts that each wanted text appears in the text of the elements matching
 * the selector (whitespace collapsed): shown as text, not dropped and not
 * turned into markup. Returns how many texts were checked.
 */
export async function expectShown(page: Page, { selector, wanted, without = [] }: Shown, where: string): Promise<number> {
  // Text nodes only, outside scripts: Next's inline flight data repeats the same words in <script> tags.
  const text = await page.evaluate((sel) => {
    const parts: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest("script, style, template, noscript")) parts.push(node.nodeValue ?? "");
      }
    }
    // Blocks (a paragraph per line of a comment) end in no space of their own: join with one.
    return parts.join(" ");
  }, selector);
  let shown = flatten(text);
  for (const out of without) shown = shown.split(flatten(out)).join(" ");
  const missing = wanted.map(flatten).filter((t) => !shown.includes(t));
  expect.soft(missing.map((t) => t.slice(0, 120)), `payload text missing on ${where} (${selector})`).toEqual([]);
  return wanted.length;
}
