import { describe, expect, it } from "vitest";
import { findHints } from "@/lib/critique";
import type { CritiqueInput, HintKind } from "@/lib/critique";
import { loadEnglishLexicon } from "@/lib/lexicon/load-english-lexicon";

/*
 * Crafted worst cases for the hand rules of issue 13 (confusable contexts,
 * chrome pieces, proper phrases, year runs, glossary people): each is one
 * long block built to make a careless pattern or loop go quadratic. Linearity
 * is checked as a ratio, which a loaded machine skews less than a time: four times the
 * input must take well under sixteen times as long (a quadratic would take
 * sixteen; the people-in-one-sentence case took 245 s before its fix). The bound is
 * ten times plus 150 ms: a case making 80,000 hints reached 9.6× on a loaded
 * machine from garbage collection alone, and measured 3.8× on a quiet one.
 */
const lexicon = loadEnglishLexicon();
const GLOSSARY: CritiqueInput["glossary"] = { period: { start: 1917, end: 1953 }, terms: [], people: [{ name: "Joseph Stalin", born: 1878, died: 1953 }] };

function ms(kind: HintKind, text: string, glossary: CritiqueInput["glossary"] = null): number {
  const started = performance.now();
  findHints({ text, blocks: [], title: "", glossary }, { kinds: [kind], lexicon });
  return performance.now() - started;
}

/** The fastest of three runs: a pause of the machine's (GC, another process) lengthens one run, not all three. */
function fastest(kind: HintKind, text: string, glossary: CritiqueInput["glossary"]): number {
  return Math.min(ms(kind, text, glossary), ms(kind, text, glossary), ms(kind, text, glossary));
}

/** Times `build(n)` and `build(4n)` (after a warm-up) and checks the growth is about linear. */
function expectLinear(kind: HintKind, build: (n: number) => string, n: number, glossary: CritiqueInput["glossary"] = null) {
  ms(kind, build(Math.ceil(n / 4)), glossary);
  const small = fastest(kind, build(n), glossary);
  const large = fastest(kind, build(4 * n), glossary);
  expect(large, `${small.toFixed(0)} ms for n, ${large.toFixed(0)} ms for 4n`).toBeLessThan(10 * small + 150);
}

describe("worst cases of the hand rules grow linearly", () => {
  it.each([
    ["comparison words before one “then”", (n: number) => `${"more ".repeat(n)}then in`],
    ["“it's” after a preposition, over and over", (n: number) => "in it's ".repeat(n)],
    ["a “who's” followed by a long word", (n: number) => `who's ${"a".repeat(n * 5)} was`],
    ["“there” after many verbs", (n: number) => "gave there ".repeat(n)],
    ["“quite” after many linking verbs", (n: number) => "was quite ".repeat(n)],
    ["“there” and a noun and a verb, over and over", (n: number) => ", there army lost, lost there way in".repeat(n)],
    ["“there” before one long word", (n: number) => `, there ${"a".repeat(n * 5)} ${"b".repeat(n * 5)}ed`],
    ["“it's”, a word and a verb, over and over", (n: number) => "it's use was it's ".repeat(n)],
    ["“preceded to” before one long word", (n: number) => `preceded to ${"a".repeat(n * 5)}`],
  ])("confusables: %s", (_, build) => expectLinear("confusable-word", build, 10_000));

  it("confusables: the everyday pairs' contexts, over and over (100 characters a repeat, so a smaller n)", () => {
    const unit = "far more personal to the rein of his long dessert to breath and of coarse wondered the preceded to ";
    expectLinear("confusable-word", (n: number) => unit.repeat(n), 1_000);
  });

  it.each([
    ["a run of dots", (n: number) => `${".".repeat(n * 5)} x`],
    ["share separators", (n: number) => "Share | ".repeat(n)],
    ["one-word sentences of chrome words", (n: number) => "Share. ".repeat(n)],
    ["an open quotation", (n: number) => `“${"word ".repeat(n)}`],
    ["a labelled list without end", (n: number) => `Tags: ${"Word, ".repeat(n)}`],
    ["many short labelled blocks", (n: number) => "Read more: The Fall\n\n".repeat(n)],
    ["a breadcrumb without end", (n: number) => `Home > ${"Essays > ".repeat(n)}`],
  ])("page artifacts: %s", (_, build) => expectLinear("page-artifact", build, 20_000));

  it("dictionary names: one long run of capitalized non-words that resemble names", () => {
    expectLinear("broken-phrase", (n: number) => "Gettysburg Adress Holy Romen Empire Boston Tea Partty ".repeat(n), 5_000);
  });

  it("proper phrases: capitalized words in one run", () => {
    const build = (n: number) => Array.from({ length: n }, (_, i) => `Word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i >> 5) % 26))}`).join(" ");
    expectLinear("broken-phrase", build, 10_000);
  });

  it("years: two slips side by side, over and over (each neighbourhood tried without each neighbour)", () => {
    expectLinear("anachronistic-year", (n: number) => "In 1763, 1755, 1770, 1743, 1774 and 1775. ".repeat(n), 2_000);
  });

  it("years: deaths the essay states, each person acting after it, and capitalized words that never die", () => {
    expectLinear("anachronistic-year", (n: number) => "Jackson died in May 1863. In 1864 Jackson outmarched them. Aa Bb Cc Dd Ee ".repeat(n), 2_000);
    expectLinear("anachronistic-year", (n: number) => `Lee died ${"x ".repeat(n * 10)}1870`, 2_000);
  });

  it("years: one sentence of years, a glossary person acting before each", () => {
    const build = (n: number) => Array.from({ length: n }, (_, i) => `Stalin ordered it in ${1900 + ((i * 37) % 100)}`).join(", ");
    expectLinear("anachronistic-year", build, 5_000, GLOSSARY);
  });
});
