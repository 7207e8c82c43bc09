import "server-only";
import type { Block } from "@/lib/content";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { HintDTO } from "@/lib/review/types";
import { readStoredGlossary, type Glossary } from "@/lib/validation/glossary";
import { computeHintsOffThread } from "./reading-worker-pool";

export { hintId } from "@/lib/critique/describe-hints";

/*
 * A revision's text never changes and findHints is deterministic, so a
 * revision's hints (per title) can be kept for the life of the process. The bound keeps
 * memory flat on a server that has seen many essays; evicting the oldest
 * entry is enough because a class works on a handful of revisions at a time.
 */
const MAX_CACHED_REVISIONS = 64;
const cache = new Map<string, Promise<string>>();

/**
 * How long one request waits for a computation. Past it the request gets a
 * sentence while the worker carries on, so the next request finds the hints
 * ready; the linear detectors need about a second for a 1 MB reading.
 */
export const HINTS_TIME_BUDGET_MS = 5_000;

/** The budget, or HINTS_TIME_BUDGET_MS from the environment (test suites on loaded machines raise it). */
function defaultBudgetMs(): number {
  const configured = Number(process.env.HINTS_TIME_BUDGET_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : HINTS_TIME_BUDGET_MS;
}

/** Options of the functions below. */
export interface HintsOptions {
  /**
   * How long to wait for a computation (tests shorten it). 0 takes hints
   * only if they are ready, and otherwise starts them for the next request.
   */
  budgetMs?: number;
}

/**
 * The hints of one essay revision with W3C selectors (quote + code-point
 * position), computed once per revision id in a worker thread and then
 * served from memory. `title` is the essay's title, whose words count as key
 * terms. Throws "unavailable" (503) when they take longer than the budget.
 */
export async function hintsForRevision(revisionId: string, title: string, options: HintsOptions = {}): Promise<readonly HintDTO[]> {
  return JSON.parse(await hintsJsonForRevision(revisionId, title, options)) as HintDTO[];
}

/**
 * The same hints as JSON text, for the hints route: a 1 MB reading can have
 * tens of thousands of hints, and parsing and re-serializing them would hold
 * the request thread for longer than computing them in the worker saves.
 */
export async function hintsJsonForRevision(
  revisionId: string,
  title: string,
  { budgetMs = defaultBudgetMs() }: HintsOptions = {},
): Promise<string> {
  // The title is front matter, not text, and the glossary may be edited on the current revision:
  // either can change without a new revision, so both are part of the key.
  const glossary = await currentGlossary(revisionId);
  const key = `${revisionId}\u0000${title}\u0000${JSON.stringify(glossary)}`;
  let computing = cache.get(key);
  if (!computing) {
    computing = loadAndCompute(revisionId, title, glossary);
    if (cache.size >= MAX_CACHED_REVISIONS) cache.delete(cache.keys().next().value as string);
    cache.set(key, computing);
    // A failed computation is not kept: the next request tries again.
    computing.catch(() => {
      if (cache.get(key) === computing) cache.delete(key);
    });
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("unavailable", "The hints for this reading are still being prepared. Try again in a few seconds.")),
      budgetMs,
    );
  });
  try {
    return await Promise.race([computing, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The revision's glossary (one indexed row, no text): null when it has none or it no longer validates. */
async function currentGlossary(revisionId: string): Promise<Glossary | null> {
  const row = await db.essayRevision.findUnique({ where: { id: revisionId }, select: { glossary: true } });
  return readStoredGlossary(row?.glossary ?? null);
}

async function loadAndCompute(revisionId: string, title: string, glossary: Glossary | null): Promise<string> {
  const revision = await db.essayRevision.findUniqueOrThrow({ where: { id: revisionId }, select: { text: true, blocks: true } });
  return computeHintsOffThread(revision.text, revision.blocks as unknown as Block[], title, glossary);
}
