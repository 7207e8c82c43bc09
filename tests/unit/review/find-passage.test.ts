import { describe, expect, it } from "vitest";
import { findPassage, findPassages } from "@/lib/review/find-passage";

const essay = "In 1995 the committee met.\nThe committee (of the Party) met again in 1956.";

describe("findPassages", () => {
  it("finds every place, in order", () => {
    expect(findPassages(essay, "committee").map((s) => essay.slice(s.start, s.end))).toEqual(["committee", "committee"]);
    expect(findPassages(essay, "committee")[0].start).toBeLessThan(findPassages(essay, "committee")[1].start);
  });

  it("lets any whitespace in the words match any whitespace in the text, as copied text comes back reflowed", () => {
    const [span] = findPassages(essay, "  met.   The\tcommittee ");
    expect(essay.slice(span.start, span.end)).toBe("met.\nThe committee");
  });

  it("treats punctuation literally, not as a pattern", () => {
    expect(findPassages(essay, "(of the Party)")).toHaveLength(1);
    expect(findPassages(essay, "m.t")).toHaveLength(0);
  });

  it("is case-sensitive and finds nothing for blank words", () => {
    expect(findPassages(essay, "the Committee")).toHaveLength(0);
    expect(findPassages(essay, "   ")).toEqual([]);
  });
});

describe("findPassage", () => {
  it("picks the occurrence asked for", () => {
    const second = findPassage(essay, "committee", 2);
    expect(second).toMatchObject({ ok: true, count: 2 });
    expect(second.ok && second.span.start).toBe(essay.lastIndexOf("committee"));
  });

  it("explains a missing passage and an occurrence past the last one", () => {
    expect(findPassage(essay, "Politburo")).toMatchObject({ ok: false, count: 0 });
    const past = findPassage(essay, "committee", 3);
    expect(past.ok).toBe(false);
    expect(!past.ok && past.reason).toMatch(/2 times/);
  });
});
