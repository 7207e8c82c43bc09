import { describe, expect, it } from "vitest";
import { MIN_FUZZY_QUOTE_LENGTH, anchor, createTextIndex, findAllExact, matchQuote } from "@/lib/anchoring";
import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring";
import { destalinization, edit, emojiNote, generateEssay, repeatedPhrase, select } from "./fixtures";

const quote = (exact: string, prefix?: string, suffix?: string): TextQuoteSelector => ({
  type: "TextQuoteSelector",
  exact,
  ...(prefix !== undefined && { prefix }),
  ...(suffix !== undefined && { suffix }),
});
const position = (start: number, end: number): TextPositionSelector => ({ type: "TextPositionSelector", start, end });

describe("anchor() by stored position", () => {
  it("reads TextPositionSelector in code points when emoji precede the span", () => {
    const [, pos] = select(emojiNote, "Secret Speech");
    const got = anchor(emojiNote, [pos]);
    expect(got).toMatchObject({ exact: "Secret Speech", method: "position", score: 1 });
    expect(got!.start - got!.startCp).toBe(2); // two emoji before it, one extra unit each
  });

  it("does not trust a position counted in UTF-16 units: the quote corrects it", () => {
    const start = emojiNote.indexOf("Secret Speech");
    const utf16Counted = position(start, start + 13);
    expect(anchor(emojiNote, [utf16Counted])!.exact).not.toBe("Secret Speech");
    const got = anchor(emojiNote, [quote("Secret Speech"), utf16Counted]);
    expect(got).toMatchObject({ start, exact: "Secret Speech", method: "quote" });
  });

  it("ignores a stale position and finds the quote where it now is", () => {
    const [q, pos] = select(destalinization, "a commission that intended");
    const revised = "Foreword added by the teacher.\n" + destalinization;
    const got = anchor(revised, [q, pos]);
    expect(got).toMatchObject({ exact: "a commission that intended", method: "quote" });
    expect(got!.start).toBe(destalinization.indexOf("a commission that intended") + 31);
  });

  it("ignores a position past the end of a shortened text", () => {
    const got = anchor("The commission was limited.", [quote("limited"), position(500, 507)]);
    expect(got).toMatchObject({ start: 19, method: "quote" });
  });
});

describe("anchor() among repeats", () => {
  it("lets the context choose between repeats of a phrase", () => {
    for (const [occurrence, where] of [
      [0, "the commission was dissolved"],
      [1, "the commission's papers"],
    ] as const) {
      const [q] = select(repeatedPhrase, "the commission", occurrence);
      expect(anchor(repeatedPhrase, [q])!.start).toBe(repeatedPhrase.indexOf(where)); // quote only, no position
    }
  });

  it("lets the suffix choose when the prefixes are alike", () => {
    const got = anchor(repeatedPhrase, [quote("The commission", undefined, " reported")]);
    expect(got!.start).toBe(repeatedPhrase.indexOf("The commission reported"));
  });

  it("still picks the right repeat when its context was slightly reworded", () => {
    const got = anchor(repeatedPhrase, [quote("the commission", "Later on, ", " was dissolved")]);
    expect(got!.start).toBe(repeatedPhrase.indexOf("the commission was dissolved"));
  });

  it("uses the old position only to break ties between equal repeats", () => {
    const second = repeatedPhrase.indexOf("the commission's papers");
    const near = anchor(repeatedPhrase, [quote("commission")], { hint: second });
    expect(near!.start).toBe(second + 4);
    const far = anchor(repeatedPhrase, [quote("commission")], { hint: 0 });
    expect(far!.start).toBe(4);
  });

  it("strict matching treats prefix and suffix as requirements and returns every match", () => {
    expect(findAllExact(repeatedPhrase, quote("commission"))).toHaveLength(4);
    expect(findAllExact(repeatedPhrase, quote("commission", "the "))).toHaveLength(2);
    expect(findAllExact(repeatedPhrase, quote("commission", "Later the "))).toHaveLength(1);
    expect(findAllExact(repeatedPhrase, quote("commission", "Earlier the "))).toEqual([]);
  });
});

describe("anchor() fuzzy fallback", () => {
  const typoFixed = edit(destalinization, "Desalinization", "De-Stalinization");

  it("finds a quote whose spelling was corrected, and says it is fuzzy", () => {
    const [q] = select(destalinization, "Desalinization was an extremely sensitive issue");
    const got = anchor(typoFixed, [q]);
    expect(got).toMatchObject({ start: 0, method: "fuzzy" });
    expect(got!.exact).toBe("De-Stalinization was an extremely sensitive issue");
    expect(got!.score).toBeGreaterThan(0);
    expect(got!.score).toBeLessThan(1);
  });

  it("scores a closer quote higher", () => {
    const score = (exact: string) => matchQuote(destalinization, exact, {}, { maxErrors: exact.length / 2 })!.score;
    const exact = score("the central committee set up a commission");
    const oneTypo = score("the central comittee set up a commission");
    const twoTypos = score("the centrl comittee set up a commission");
    expect(exact).toBeGreaterThan(oneTypo);
    expect(oneTypo).toBeGreaterThan(twoTypos);
  });

  it("scores intact context higher than reworded or foreign context", () => {
    const exact = "the central comittee";
    const score = (prefix: string, suffix: string) => matchQuote(destalinization, exact, { prefix, suffix })!.score;
    const intact = score("In 1995 ", " set up a commission");
    const reworded = score("In 1996 ", " set up a committee");
    const foreign = score("Meanwhile in Paris ", " went on holiday");
    expect(intact).toBeGreaterThan(reworded);
    expect(reworded).toBeGreaterThan(foreign);
  });

  it("prefers an orphan to a marginal quote with foreign context on both sides", () => {
    const marginal = quote(
      "the central comittee sat up a comision",
      "Meanwhile, in Paris, ",
      " went on holiday to Nice.",
    );
    expect(anchor(destalinization, [marginal])).toBeNull();
    const backed = { ...marginal, prefix: "crimes.\nIn 1995 ", suffix: " that intended to investigate" };
    expect(anchor(destalinization, [backed])?.method).toBe("fuzzy");
  });

  it("never fuzzy-matches a short quote: 1995 is not 1955", () => {
    const revised = edit(destalinization, "In 1995", "In 1955");
    const noOther = revised.replace("to 1995 in error", "to that year in error");
    expect("1995".length).toBeLessThan(MIN_FUZZY_QUOTE_LENGTH);
    expect(anchor(noOther, [quote("1995", "In ", " the central committee")])).toBeNull();
  });

  it("orphans a quote that is nowhere in the text", () => {
    expect(anchor(destalinization, [quote("Brezhnev's tanks entered Prague in 1968")])).toBeNull();
    expect(anchor(destalinization, [quote("")])).toBeNull();
  });
});

describe("anchor() with a shared index", () => {
  it("anchors thousands of annotations on a long text with one OffsetIndex", () => {
    const text = "🚩 " + generateEssay(200_000, 7);
    const index = createTextIndex(text);
    const spans = Array.from({ length: 2_000 }, (_, i) => {
      const start = 3 + Math.floor((i * (text.length - 60)) / 2_000);
      return { start, end: start + 25 };
    });
    for (const s of spans) {
      const cp = s.start - 1; // the emoji counts one code point, two units
      const got = anchor(text, [quote(text.slice(s.start, s.end)), position(cp, cp + 25)], { index });
      expect(got).toMatchObject({ start: s.start, end: s.end, method: "position" });
    }
  });
});
