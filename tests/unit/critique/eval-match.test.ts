import { describe, expect, it } from "vitest";
import type { HintKind } from "../../../lib/critique/types";
import { countWords, locate, resolveKey } from "../../../scripts/critique-eval/corpus";
import { perThousandWords, scoreEssay, summarizeScores } from "../../../scripts/critique-eval/match";

const hint = (start: number, end: number, kind: HintKind) => ({ start, end, kind });
const error = (start: number, end: number, kind: HintKind) => ({ start, end, kind });

describe("the critique evaluation's matcher", () => {
  it("finds an error once however many hints of its kind overlap it", () => {
    const errors = [error(10, 20, "term-drift")];
    const score = scoreEssay([hint(8, 12, "term-drift"), hint(15, 25, "term-drift")], errors, []);
    expect(score.found).toEqual([true]);
    expect(score.verdicts).toEqual(["match", "match"]);
    const figures = summarizeScores([{ errors, score }]);
    expect(figures.byKind["term-drift"]).toEqual({ expected: 1, found: 1, recall: 1 });
    expect(figures.found).toBe(1);
  });

  it("does not count a hint of another kind at the right place: it is a false hint", () => {
    const errors = [error(10, 20, "broken-phrase")];
    const score = scoreEssay([hint(14, 20, "term-drift")], errors, []);
    expect(score.found).toEqual([false]);
    expect(score.verdicts).toEqual(["wrong-kind"]);
    const figures = summarizeScores([{ errors, score }]);
    expect(figures.recall).toBe(0);
    expect(figures.precision).toBe(0);
    expect(figures.falseByVerdict["wrong-kind"]).toBe(1);
  });

  it("counts a hinted trap as a false hint, and a hint on nothing keyed as well", () => {
    const errors = [error(0, 4, "anachronistic-year")];
    const score = scoreEssay([hint(0, 4, "anachronistic-year"), hint(30, 39, "page-artifact"), hint(50, 52, "confusable-word")], errors, [
      { start: 30, end: 39 },
    ]);
    expect(score.verdicts).toEqual(["match", "trap", "unkeyed"]);
    const figures = summarizeScores([{ errors, score }]);
    expect(figures).toMatchObject({ hints: 3, trueHints: 1, falseByVerdict: { "wrong-kind": 0, trap: 1, unkeyed: 1 } });
    expect(figures.precision).toBeCloseTo(1 / 3);
  });

  it("needs a shared character: a hint that only touches an error misses it", () => {
    const score = scoreEssay([hint(5, 10, "term-drift"), hint(20, 25, "term-drift")], [error(10, 20, "term-drift")], []);
    expect(score.found).toEqual([false]);
    expect(score.verdicts).toEqual(["unkeyed", "unkeyed"]);
  });

  it("sums recall per kind over essays, with no figure for a kind nobody planted", () => {
    const a = [error(0, 5, "term-drift"), error(10, 15, "page-artifact")];
    const b = [error(0, 5, "term-drift")];
    const figures = summarizeScores([
      { errors: a, score: scoreEssay([hint(0, 5, "term-drift")], a, []) },
      { errors: b, score: scoreEssay([], b, []) },
    ]);
    expect(figures.byKind["term-drift"]).toEqual({ expected: 2, found: 1, recall: 0.5 });
    expect(figures.byKind["page-artifact"]).toEqual({ expected: 1, found: 0, recall: 0 });
    expect(figures.byKind["broken-phrase"].recall).toBeNull();
    expect(figures.recall).toBeCloseTo(1 / 3);
    expect(figures.precision).toBe(1);
  });

  it("measures false hints per 1,000 words", () => {
    expect(perThousandWords(3, 6000)).toBe(0.5);
    expect(perThousandWords(0, 0)).toBeNull();
  });
});

describe("the critique evaluation's key resolution", () => {
  const essay = { file: "/x/essay.md", input: { text: "Then more then ever, then.", blocks: [] }, words: 5 };

  it("locates the n-th occurrence of a quote", () => {
    expect(locate(essay.input.text, "then", 2)).toEqual({ start: 21, end: 25 });
    expect(locate(essay.input.text, "then", 3)).toBeNull();
  });

  it("refuses a key whose quote or context is not in the essay, naming the key file", () => {
    const base = { essay: "essay.md", traps: [] };
    const entry = { quote: "then", occurrence: 1, kind: "confusable-word" as const, correction: "than" };
    expect(resolveKey("k.json", { ...base, errors: [{ ...entry, context: "more then ever" }] }, essay).errors[0]).toMatchObject({ start: 10, end: 14 });
    expect(() => resolveKey("k.json", { ...base, errors: [{ ...entry, occurrence: 3 }] }, essay)).toThrow(/k\.json: “then” \(occurrence 3\)/);
    expect(() => resolveKey("k.json", { ...base, errors: [{ ...entry, occurrence: 2, context: "more then ever" }] }, essay)).toThrow(/not inside/);
  });

  it("counts words with inner apostrophes and hyphens as one", () => {
    expect(countWords("Hoover's Saint-Domingue, 1,843 words: ¡No pasarán!")).toBe(7);
  });
});
