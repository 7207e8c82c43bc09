import { describe, expect, it } from "vitest";
import { critiqueRows } from "../../../scripts/bench/critique-figure";
import { renderMarkdown } from "../../../scripts/bench/results-table";
import { loadCorpus } from "../../../scripts/critique-eval/corpus";
import { evaluateCorpus } from "../../../scripts/critique-eval/evaluate";
import { tinyCorpus } from "./eval-helpers";

describe("the critique evaluation's rows in the bench table", () => {
  // The seed as both parts: the rows' plumbing is tested without evaluating the real held-out part.
  const result = evaluateCorpus(loadCorpus(tinyCorpus().dir));
  const rows = critiqueRows(result);
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it("carries held-out recall, clean false hints and seed recall with their targets", () => {
    expect(row("critique.recall-held-out").value).toBeCloseTo((result.essays["held-out"].recall ?? 0) * 100);
    expect(row("critique.recall-held-out").target?.isMet).toBe(result.check.heldOutRecallMet);
    expect(row("critique.recall-tuning").value).toBeCloseTo((result.essays.tuning.recall ?? 0) * 100);
    expect(row("critique.false-hints").value).toBeCloseTo(result.clean["held-out"].perThousandWords ?? 0, 2);
    expect(row("critique.false-hints").target?.isMet).toBe(result.check.falseHintsMet);
    expect(row("critique.recall-seed").value).toBe(100);
    expect(row("critique.recall-seed").target?.isMet).toBe(true);
    expect(row("critique.time").value).toBeGreaterThan(0);
  });

  it("renders in results.md with no baseline ratio", () => {
    const markdown = renderMarkdown({ mode: "quick", startedAt: "2026-12-02T00:00:00.000Z", seconds: 1, rows, failures: [] });
    expect(markdown).toMatch(/\| Critique hints: recall on the seed essay \| 100 % \| – \| – \| 100 % \| yes \|/);
    expect(markdown).toContain("no baseline, scored against the key of tests/fixtures/critique-eval");
  });
});
