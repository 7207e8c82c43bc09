/**
 * A student's client for the load test: JSON writes with latency recorded,
 * each sent twice as if the first answer had been lost on the way back.
 */
import { describe } from "../../../lib/anchoring";

/** Latencies (ms) and statuses of every HTTP request the load test made. */
export class LoadLog {
  readonly latencies: number[] = [];
  readonly statuses = new Map<number, number>();
  readonly problems: string[] = [];

  record(ms: number, status: number) {
    this.latencies.push(ms);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  /** The p-th percentile latency (nearest rank). */
  percentile(p: number): number {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  }
}

/** How the duplicate of a write is sent. */
export type RetryMode = "after-lost-answer" | "while-in-flight";

/**
 * POSTs `body` to `url` twice with the same client id: either again after
 * the first answer "was lost" (it is thrown away), or a second copy a few
 * milliseconds later while the first is still running (a timed-out client
 * retrying). Only the answer to the retry counts as the acknowledgement.
 */
export async function writeWithRetry(
  log: LoadLog,
  session: { baseUrl: string; cookie: string },
  url: string,
  body: unknown,
  mode: RetryMode,
): Promise<{ status: number; json: Record<string, { id: string }>; statuses: number[] }> {
  const send = async () => {
    const started = performance.now();
    const res = await fetch(`${session.baseUrl}${url}`, {
      method: "POST",
      headers: { Cookie: session.cookie, Origin: session.baseUrl, "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json()) as Record<string, { id: string }>;
    log.record(performance.now() - started, res.status);
    return { status: res.status, json };
  };
  if (mode === "after-lost-answer") {
    const lost = await send(); // the answer that never reached the student
    const retry = await send();
    return { ...retry, statuses: [lost.status, retry.status] };
  }
  const first = send();
  await new Promise((r) => setTimeout(r, Math.random() * 20));
  const [lost, retry] = await Promise.all([first, send()]);
  return { ...retry, statuses: [lost.status, retry.status] };
}

/** A random word-aligned passage of `text` (a few words), described as the reader would. */
export function randomPassage(text: string) {
  const words = [...text.matchAll(/[A-Z][A-Z'-]{3,}/gi)];
  const from = words[Math.floor(Math.random() * (words.length - 3))];
  const length = 1 + Math.floor(Math.random() * 3);
  const to = words[words.indexOf(from) + length - 1];
  const start = from.index!;
  const end = to.index! + to[0].length;
  const { quote, position } = describe(text, start, end);
  return {
    quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" },
    position: { start: position.start, end: position.end },
  };
}

/** A one-paragraph Tiptap document. */
export function doc(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}
