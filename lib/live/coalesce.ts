/** The clock a coalescer runs on; tests pass a fake one. */
export interface Clock {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Coalescer {
  /** Something changed: run the task soon, once for however many requests arrive meanwhile. */
  request: () => void;
  /** Stops: no further runs start (one under way finishes). */
  dispose: () => void;
}

/**
 * Turns a burst of change notices into few runs of `task` (a refetch):
 * - a run starts `settleMs` after the first request of a quiet spell, so a
 *   burst that arrives together costs one run;
 * - runs start at least `intervalMs` apart, so 30 students writing at once
 *   cost one refetch per interval, not 30 a second;
 * - runs never overlap, and requests that arrive during a run cause exactly
 *   one more run after it. Since runs are strictly one after another, an
 *   older answer can never land after a newer one.
 * A failed run is not retried here; the next request runs it again.
 */
export function coalesce(task: () => Promise<unknown>, options: { settleMs: number; intervalMs: number; clock?: Clock }): Coalescer {
  const clock = options.clock ?? realClock;
  let isRunning = false;
  let isPending = false;
  let isDisposed = false;
  let timer: unknown = null;
  let lastStart = -Infinity;

  const schedule = () => {
    if (timer !== null || isRunning || isDisposed || !isPending) return;
    const wait = Math.max(options.settleMs, lastStart + options.intervalMs - clock.now());
    timer = clock.setTimeout(run, wait);
  };

  const run = () => {
    timer = null;
    if (isDisposed) return;
    isPending = false;
    isRunning = true;
    lastStart = clock.now();
    void task()
      .catch(() => {})
      .finally(() => {
        isRunning = false;
        schedule();
      });
  };

  return {
    request: () => {
      isPending = true;
      schedule();
    },
    dispose: () => {
      isDisposed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * For requests that can overlap (a write's own refetch beside a coalesced
 * one): only the answer to the request begun last is applied. That request
 * began after every change the reader knew of, so its answer holds them all;
 * an earlier one that answers late is dropped, not applied over it.
 */
export function latestOnly() {
  let begun = 0;
  return {
    begin: (): number => ++begun,
    isLatest: (ticket: number): boolean => ticket === begun,
  };
}
