import { describe, expect, it } from "vitest";
import { allHints, essayInput, hintsTouching, occurrences, SEED_FILE, summarize } from "./helpers";

const input = essayInput(SEED_FILE);
const hints = allHints(input);

/** The hints on each occurrence of `needle`, one list per occurrence. */
function onEach(needle: string) {
  const spans = occurrences(input.text, needle);
  expect(spans.length, `“${needle}” is in the seed text`).toBeGreaterThan(0);
  return spans.map((span) => hintsTouching(hints, span));
}

describe("hints on the seed essay (content/destalinization-origins.md)", () => {
  it("hints at the anachronistic 1995 and suggests 1955", () => {
    const [on1995] = onEach("1995");
    expect(on1995.map((h) => h.kind)).toContain("anachronistic-year");
    expect(on1995.find((h) => h.kind === "anachronistic-year")?.suggestion).toBe("1955");
  });

  it("hints at BOTH occurrences of “Desalinization” as drift from the title's “DeStalinization”", () => {
    const each = onEach("Desalinization");
    expect(each).toHaveLength(2);
    for (const onOne of each) {
      const drift = onOne.find((h) => h.kind === "term-drift");
      expect(drift?.exact).toBe("Desalinization");
      expect(drift?.suggestion).toBe("DeStalinization");
      expect(drift?.category).toBe("term_spelling");
    }
  });

  it("hints at “Part Congress” with “Party Congress”", () => {
    const [on] = onEach("Part Congress");
    expect(on.find((h) => h.kind === "broken-phrase")?.suggestion).toBe("Party Congress");
  });

  it("hints at “coarse” in “change the coarse of” with “course”", () => {
    const [on] = onEach("coarse");
    expect(on.find((h) => h.kind === "confusable-word")?.suggestion).toBe("course");
  });

  it.each(["Authors Avatar", "Join now!", "This is a preview of the whole essay"])(
    "hints at the site chrome “%s” as a page artifact to delete",
    (chrome) => {
      const [on] = onEach(chrome);
      const artifact = on.find((h) => h.kind === "page-artifact");
      expect(artifact?.exact).toBe(chrome);
      expect(artifact?.category).toBe("page_artifact");
      expect(artifact?.suggestion).toBe("");
    },
  );

  it("hints at the truncation “...” that ends the last bullet", () => {
    const last = input.text.lastIndexOf("...");
    const on = hintsTouching(hints, { start: last, end: last + 3 });
    expect(on.map((h) => h.kind)).toContain("page-artifact");
  });

  it.each(["1953", "1956", "1924", "1930’s", "Molotov", "Malenkov", "Khrushchev", "DeStalinization", "Stalin", "Trotsky", "Presidium"])(
    "leaves “%s” alone everywhere it occurs",
    (correct) => {
      for (const onOne of onEach(correct)) expect(summarize(onOne)).toEqual([]);
    },
  );

  it("returns hints sorted by start whose exact text matches their span", () => {
    for (let i = 1; i < hints.length; i++) expect(hints[i].start).toBeGreaterThanOrEqual(hints[i - 1].start);
    for (const h of hints) {
      expect(h.exact).toBe(input.text.slice(h.start, h.end));
      expect(h.confidence).toBeGreaterThan(0);
      expect(h.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("is deterministic", () => {
    expect(allHints(essayInput(SEED_FILE))).toEqual(hints);
  });
});
