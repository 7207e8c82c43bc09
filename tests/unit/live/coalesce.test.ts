import { describe, expect, it } from "vitest";
import { coalesce, latestOnly, type Clock } from "@/lib/live/coalesce";

/** A clock the test moves by hand. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.run();
      await new Promise((r) => setImmediate(r));
    }
    now = until;
    await new Promise((r) => setImmediate(r));
  };
  return { clock, advance };
}

/** A refetch that takes `ms` on the fake clock, counting its starts. */
function slowTask(clock: Clock, ms: number) {
  const starts: number[] = [];
  return {
    starts,
    task: () => {
      starts.push(clock.now());
      return new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
    },
  };
}

describe("a burst of changes costs few refetches", () => {
  it("runs once for 30 changes that arrive together", async () => {
    const { clock, advance } = fakeClock();
    const refetch = slowTask(clock, 50);
    const c = coalesce(refetch.task, { settleMs: 200, intervalMs: 1_000, clock });
    for (let i = 0; i < 30; i++) c.request();
    await advance(2_000);
    expect(refetch.starts).toEqual([200]);
  });

  it("runs at most once per interval while 30 students write for three seconds, and once more after the last change", async () => {
    const { clock, advance } = fakeClock();
    const refetch = slowTask(clock, 80);
    const c = coalesce(refetch.task, { settleMs: 200, intervalMs: 1_000, clock });
    for (let t = 0; t < 3_000; t += 100) {
      for (let i = 0; i < 3; i++) c.request();
      await advance(100);
    }
    await advance(3_000);
    expect(refetch.starts.length).toBeLessThanOrEqual(4);
    expect(refetch.starts.every((t, i) => i === 0 || t - refetch.starts[i - 1] >= 1_000)).toBe(true);
    // The last run started after the last change, so its answer holds every change.
    expect(refetch.starts.at(-1)!).toBeGreaterThanOrEqual(2_900);
  });

  it("never runs two at once: a change during a run causes one more run after it", async () => {
    const { clock, advance } = fakeClock();
    let running = 0;
    let most = 0;
    const starts: number[] = [];
    const c = coalesce(
      () => {
        starts.push(clock.now());
        running += 1;
        most = Math.max(most, running);
        return new Promise<void>((resolve) => clock.setTimeout(() => ((running -= 1), resolve()), 1_500));
      },
      { settleMs: 100, intervalMs: 500, clock },
    );
    c.request();
    await advance(200);
    c.request();
    c.request();
    await advance(5_000);
    expect(most).toBe(1);
    expect(starts).toEqual([100, 1_700]);
  });

  it("stops after dispose", async () => {
    const { clock, advance } = fakeClock();
    const refetch = slowTask(clock, 10);
    const c = coalesce(refetch.task, { settleMs: 100, intervalMs: 100, clock });
    c.request();
    c.dispose();
    await advance(1_000);
    expect(refetch.starts).toEqual([]);
  });
});

describe("overlapping requests", () => {
  it("apply only the answer to the one begun last", () => {
    const guard = latestOnly();
    const first = guard.begin();
    const second = guard.begin();
    expect(guard.isLatest(second)).toBe(true);
    expect(guard.isLatest(first)).toBe(false);
  });
});
