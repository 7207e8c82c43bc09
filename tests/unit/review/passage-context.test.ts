import { describe, expect, it } from "vitest";
import { occurrenceAt, passageContext } from "@/lib/review/passage-context";

/** Three blocks of the seed essay's kind: a heading, then two bullets that both say "Desalinization". */
const ESSAY = [
  "The Origins",
  "Desalinization was an extremely sensitive issue, as if it was handed badly, it could provoke unrest.",
  "In 1995 the central committee set up a commission that intended to investigate Stalin’s crimes.",
  "Nonetheless, it shocked the delegates, and effectively instigated Desalinization in the Soviet Union.",
].join("\n");

const at = (words: string, from = 0) => {
  const start = ESSAY.indexOf(words, from);
  return { start, end: start + words.length };
};
const quoteOf = (span: { start: number; end: number }) => ({ exact: ESSAY.slice(span.start, span.end), prefix: "", suffix: "" });
const shown = (c: ReturnType<typeof passageContext>) => `${c.isCutBefore ? "…" : ""}${c.before}[${c.exact}]${c.after}${c.isCutAfter ? "…" : ""}`;

describe("passageContext: which occurrence a flag is on", () => {
  it("gives a few words either side, the passage marked, cut at whole words", () => {
    const span = at("1995");
    expect(shown(passageContext({ quote: quoteOf(span), span }, ESSAY, 4))).toBe("In [1995] the central committee set…");
  });

  it("tells two flags on the same word apart by their surroundings and their place", () => {
    const first = at("Desalinization");
    const second = at("Desalinization", first.end);
    const a = passageContext({ quote: quoteOf(first), span: first }, ESSAY, 3);
    const b = passageContext({ quote: quoteOf(second), span: second }, ESSAY, 3);
    expect(shown(a)).toBe("[Desalinization] was an extremely…");
    expect(shown(b)).toBe("…and effectively instigated [Desalinization] in the Soviet…");
    expect(a.occurrence).toEqual({ index: 1, count: 2 });
    expect(b.occurrence).toEqual({ index: 2, count: 2 });
  });

  it("stops at the edge of the passage's block: the heading above never reads as part of its sentence", () => {
    const span = at("Desalinization");
    const context = passageContext({ quote: quoteOf(span), span }, ESSAY, 6);
    expect(context.before).toBe("");
    expect(context.isCutBefore).toBe(false);
    const end = at("Soviet Union.");
    expect(passageContext({ quote: quoteOf(end), span: end }, ESSAY, 6).after).toBe("");
  });

  it("says nothing of occurrences for words that stand once", () => {
    const span = at("central committee");
    expect(passageContext({ quote: quoteOf(span), span }, ESSAY).occurrence).toBeNull();
    expect(occurrenceAt(ESSAY, span)).toBeNull();
  });

  it("counts a passage's place among whitespace-insensitive matches of its words", () => {
    const text = "set up a\ncommission; set up  a commission";
    expect(occurrenceAt(text, { start: 22, end: 39 })).toEqual({ index: 2, count: 2 });
  });

  it("shortens a long passage and keeps the spaces between it and its context", () => {
    const long = at("a commission that intended to investigate Stalin’s crimes");
    const context = passageContext({ quote: quoteOf(long), span: long }, ESSAY, 2);
    expect(context.before).toBe("set up ");
    expect(context.exact).toBe(ESSAY.slice(long.start, long.end));
    const paragraph = "word ".repeat(60).trim();
    const whole = passageContext({ quote: { exact: paragraph, prefix: "", suffix: "" }, span: { start: 0, end: paragraph.length } }, paragraph);
    expect(whole.exact.length).toBeLessThanOrEqual(160);
    expect(whole.exact.endsWith("…")).toBe(true);
  });

  it("falls back to the words stored with an unplaced flag, leaving out the fragments cut at their ends", () => {
    // As lib/anchoring stores them: 32 characters either side, cut mid-word.
    const quote = { exact: "1995", prefix: "ith the speech of Khrushchev. In ", suffix: " the central committee set up a c" };
    const context = passageContext({ quote, span: null }, ESSAY, 6);
    expect(shown(context)).toBe("…the speech of Khrushchev. In [1995] the central committee set up a…");
    expect(context.occurrence).toBeNull();
    // A short stored side reached the start of the text: nothing was cut there.
    const atStart = passageContext({ quote: { exact: "In", prefix: "", suffix: " 1995 the" }, span: null }, null);
    expect(shown(atStart)).toBe("[In] 1995 the");
  });

  it("a span that does not fit the text is treated as unplaced", () => {
    const quote = { exact: "1995", prefix: "In ", suffix: " the" };
    expect(shown(passageContext({ quote, span: { start: 5000, end: 5004 } }, ESSAY))).toBe("In [1995] the");
  });
});
