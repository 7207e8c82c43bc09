import { describe, expect, it } from "vitest";
import { hitRateLimits } from "@/lib/server/rate-limits/fixed-window-counter";

/*
 * An attempt counts against several budgets at once (sign-in: the account and
 * a slower per-account ceiling). If concurrent attempts reached the counters
 * in different orders, one within its account budget could find the ceiling
 * filled by attempts that are refused and not yet refunded: a CI run let 4 of
 * a burst's 5 allowed guesses through. Hits on several counters must number
 * every attempt the same on each.
 */
const keys = (name: string) => [`test:${name}:${Date.now()}:b`, `test:${name}:${Date.now()}:a`, `test:${name}:${Date.now()}:c`];

describe("several counters hit together", () => {
  it("give each of 200 concurrent attempts the same number on every counter", async () => {
    const [a, b, c] = keys("together");
    const hits = await Promise.all(
      Array.from({ length: 200 }, () => hitRateLimits([{ key: a, windowMs: 60_000 }, { key: b, windowMs: 60_000 }, { key: c, windowMs: 600_000 }])),
    );
    for (const [first, second, third] of hits) {
      expect([first.key, second.key, third.key]).toEqual([a, b, c]);
      expect([second.count, third.count]).toEqual([first.count, first.count]);
    }
    expect(new Set(hits.map(([first]) => first.count)).size).toBe(200);
  });

});
