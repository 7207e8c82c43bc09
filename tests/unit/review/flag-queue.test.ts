import { describe, expect, it } from "vitest";
import { buildFlagQueue, countByStatus, matchesQueueFilter, whoseAnnotation } from "@/lib/review/flag-queue";
import { ben, flagAt } from "./review-fixtures";

const ALL = { status: "all", category: "all" } as const;

describe("buildFlagQueue", () => {
  const contested = flagAt("contested", 10, { votes: { agree: 3, disagree: 2 } });
  const clear = flagAt("clear", 50, { votes: { agree: 2, disagree: 0 } });
  const popular = flagAt("popular", 80, { votes: { agree: 4, disagree: 2 } });
  const early = flagAt("early", 5);
  const late = flagAt("late", 90);
  const doubted = flagAt("doubted", 1, { votes: { agree: 0, disagree: 1 } });

  it("puts the strongest agreement first, then more agreeing votes, then text order", () => {
    const queue = buildFlagQueue([late, doubted, contested, early, popular, clear], ALL);
    expect(queue.map((f) => f.id)).toEqual(["popular", "clear", "contested", "early", "late", "doubted"]);
  });

  it("leaves out merged flags, withdrawn flags and annotations that are not flags", () => {
    const merged = flagAt("merged", 20, { status: "merged", mergedIntoId: "clear" });
    const withdrawn = flagAt("withdrawn", 30, {}, { isDeleted: true });
    const highlight = flagAt("highlight", 40, {}, { kind: "highlight", flag: undefined });
    expect(buildFlagQueue([merged, withdrawn, highlight, clear], ALL).map((f) => f.id)).toEqual(["clear"]);
  });

  it("filters by status and by category", () => {
    const verified = flagAt("verified", 60, { status: "verified" });
    const term = flagAt("term", 70, { category: "term_spelling" }, { author: ben });
    const all = [verified, term, early];
    expect(buildFlagQueue(all, { status: "verified", category: "all" }).map((f) => f.id)).toEqual(["verified"]);
    expect(buildFlagQueue(all, { status: "all", category: "term_spelling" }).map((f) => f.id)).toEqual(["term"]);
    expect(buildFlagQueue(all, { status: "open", category: "date_number" }).map((f) => f.id)).toEqual(["early"]);
  });

  it("sorts an unplaced flag by where it was", () => {
    const orphan = flagAt("orphan", 0, {}, { span: null, position: { start: 70, end: 74 } });
    expect(buildFlagQueue([late, orphan, early], ALL).map((f) => f.id)).toEqual(["early", "orphan", "late"]);
  });
});

describe("countByStatus", () => {
  it("counts what the queue can show", () => {
    const counts = countByStatus([
      flagAt("a", 1),
      flagAt("b", 2, { status: "verified" }),
      flagAt("c", 3, { status: "merged" }),
      flagAt("d", 4, { status: "rejected" }, { isDeleted: true }),
    ]);
    expect(counts).toEqual({ open: 1, verified: 1, rejected: 0, needs_evidence: 0 });
  });
});

describe("whoseAnnotation", () => {
  it("names the author, the kind and the passage, shortening long passages", () => {
    const flag = flagAt("f", 0, {}, { quote: { exact: "In 1995   the central committee", prefix: "", suffix: "" } });
    expect(whoseAnnotation(flag)).toBe("Ana Petrova’s flag on “In 1995 the central committee”");
    expect(whoseAnnotation(flag, 10)).toBe("Ana Petrova’s flag on “In 1995 t…”");
  });
});

describe("matchesQueueFilter", () => {
  it("tells whether a flag would still be listed", () => {
    const verified = flagAt("v", 0, { status: "verified" });
    expect(matchesQueueFilter(verified, { status: "open", category: "all" })).toBe(false);
    expect(matchesQueueFilter(verified, { status: "all", category: "date_number" })).toBe(true);
  });
});
