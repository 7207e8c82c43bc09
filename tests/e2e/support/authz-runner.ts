/**
 * Runs authorization-matrix cases over real HTTP with each actor's real
 * session: same-origin JSON for writes (so they get past the CSRF check and
 * reach the authorization), redirects left unfollowed, event streams read
 * for their catch-up and then closed.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { sessionRequest } from "./api";
import type { MatrixCase } from "./authz-matrix";
import type { Ref } from "./authz-route-types";
import type { AuthzWorld } from "./authz-world";

/**
 * Long enough for a stream's catch-up from the change log, which is sent as soon as it opens. Every
 * stream case opens at once (about 60 since the group assignment joined); 1.5 s once cut the largest
 * catch-up (a teacher's, on A1) short on a loaded machine.
 */
const STREAM_READ_MS = 3_000;

export interface CaseResult {
  case: MatrixCase;
  status: number;
  contentType: string;
  location: string | null;
  body: string;
  /** The id (or slug) the request was aimed at. */
  targetId: string;
}

function must(value: string | undefined, key: string): string {
  if (value === undefined) throw new Error(`the matrix world has no value for "${key}"`);
  return value;
}

/** The id a case aims at: the seeded one, a fresh copy of it, or a guess. */
export function resolveTarget(world: AuthzWorld, c: MatrixCase, freshId?: string): string {
  if (freshId) return freshId;
  const { kind, key, guess } = { kind: c.route.target, ...c.target };
  if (kind === "none") return "";
  const isSlug = kind === "readingSlug" || kind === "sourceSlug";
  const real = must(world.values.get(isSlug ? `${key}.slug` : kind === "sourceFile" ? `${key}.file` : key), key);
  switch (guess) {
    case undefined:
      return real;
    case "random-uuid":
      return isSlug ? `reading-${world.unique()}` : randomUUID();
    case "random-cuid":
      return `c${BigInt(`0x${randomBytes(16).toString("hex")}`).toString(36).slice(0, 24)}`;
    case "neighbour":
      // A slug taken twice gets "-2"; an id one character off is the nearest guess.
      return isSlug ? `${real}-2` : `${real.slice(0, -1)}${real.endsWith("0") ? "1" : "0"}`;
    case "sequential":
      return "00000001";
  }
}

function refFor(world: AuthzWorld, c: MatrixCase, id: string): Ref {
  return {
    key: c.target.guess ?? c.target.key,
    id,
    of: (key) => must(world.values.get(key), key),
    twin: world.twins.get(id) ?? randomUUID(),
    version: world.versions.get(id) ?? 1,
    uuid: randomUUID,
    span: world.nextSpan,
    unique: world.unique,
  };
}

/** Reads a response body; a stream is read for a while and then hung up on. */
async function readBody(res: Response, isStream: boolean, abort: AbortController): Promise<string> {
  if (!isStream || res.status !== 200 || !res.body) return res.text();
  const timer = setTimeout(() => abort.abort(), STREAM_READ_MS);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if ((error as Error).name !== "AbortError") throw error;
  } finally {
    clearTimeout(timer);
  }
  return text;
}

/** Sends one case and records the answer. */
export async function runCase(world: AuthzWorld, c: MatrixCase, freshId?: string): Promise<CaseResult> {
  const targetId = resolveTarget(world, c, freshId);
  const ref = refFor(world, c, targetId);
  const body = c.variant === "invalid" ? c.route.invalid!(ref) : c.route.body?.(ref);
  const abort = new AbortController();
  const cookie = c.actor.key === "anonymous" ? null : must(world.cookies[c.actor.key], c.actor.key);
  const res = await sessionRequest(world.baseUrl, cookie, c.route.method, c.route.path(ref, c.actor), body, abort.signal);
  const text = await readBody(res, c.route.isStream === true, abort);
  return { case: c, status: res.status, contentType: res.headers.get("content-type") ?? "", location: res.headers.get("location"), body: text, targetId };
}

/** Runs `work` over `items`, `width` at a time, keeping the order of the results. */
export async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** Targets a successful write may use up (delete, answer, leave), so it gets a copy of its own. */
export const FRESH_KINDS = ["item", "reply", "entry", "assignment", "class", "invitation"] as const;
export type FreshKind = (typeof FRESH_KINDS)[number];

/** Which kind of fresh copy a successful write needs, if any. */
export function freshKind(c: MatrixCase): FreshKind | null {
  if (c.phase !== 2 || !c.route.needsFresh || c.target.guess) return null;
  const kind = c.route.target;
  return (FRESH_KINDS as readonly string[]).includes(kind) ? (kind as FreshKind) : null;
}
