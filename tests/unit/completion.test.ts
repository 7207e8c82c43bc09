import { describe, expect, it } from "vitest";
import { completionStatus } from "@/lib/annotations/completion";

const mins = { highlights: 3, comments: 1, flags: 1 };
const now = new Date("2026-11-27T12:00:00Z");
const later = new Date("2026-12-04T12:00:00Z");
const earlier = new Date("2026-11-20T12:00:00Z");

describe("completionStatus", () => {
  it("is not started with nothing, in progress with something, complete when every minimum is met", () => {
    expect(completionStatus({ highlights: 0, comments: 0, flags: 0 }, mins, later, now)).toBe("not_started");
    expect(completionStatus({ highlights: 5, comments: 0, flags: 1 }, mins, later, now)).toBe("in_progress");
    expect(completionStatus({ highlights: 3, comments: 1, flags: 1 }, mins, later, now)).toBe("complete");
  });

  it("is past due only when the minimums were not met in time", () => {
    expect(completionStatus({ highlights: 1, comments: 0, flags: 0 }, mins, earlier, now)).toBe("past_due");
    expect(completionStatus({ highlights: 3, comments: 2, flags: 1 }, mins, earlier, now)).toBe("complete");
  });

  it("does not call an untouched assignment with no minimums complete", () => {
    expect(completionStatus({ highlights: 0, comments: 0, flags: 0 }, { highlights: 0, comments: 0, flags: 0 }, later, now)).toBe(
      "not_started",
    );
  });
});
