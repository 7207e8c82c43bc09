import { describe, expect, it } from "vitest";
import type { Glossary } from "../../../lib/validation/glossary";
import { namesOf } from "../../../lib/critique/hints/people-years";
import { blocksInput, hintsOf, summarize } from "./helpers";

const years = (...paragraphs: string[]) => hintsOf("anachronistic-year", blocksInput(paragraphs));
const withGlossary = (glossary: Partial<Glossary>, ...paragraphs: string[]) =>
  hintsOf("anachronistic-year", { ...blocksInput(paragraphs), glossary: { terms: [], people: [], ...glossary } });

describe("anachronistic-year: a year that breaks the run of the years around it", () => {
  it("positive: swapped digits inside a dated narrative, with the slip corrected and the run as evidence", () => {
    const hints = years(
      "By 1788 the government was bankrupt. The Estates-General met at Versailles in May 1798.",
      "France became a constitutional monarchy in 1791, and the king was executed in 1793.",
    );
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["1798", "1789"]]);
    expect(hints[0].evidence.filter((e) => e.source === "text").map((e) => e.span && e.span.end - e.span.start)).toEqual([4, 4, 4]);
    expect(hints[0].evidence.at(-1)?.note).toMatch(/swapping the 9 and the 8 gives 1789/);
  });

  it("positive: “Stalin died in 1995” and “Later, in 1995, …” are hinted like any other sentence (no exemption words)", () => {
    for (const sentence of ["Stalin died in 1995.", "Later, in 1995, the commission met."]) {
      const hints = years("Lenin died in 1924, and the purges began in 1936.", sentence, "Khrushchev spoke in February 1956 and fell in 1964.");
      expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["1995", "1955"]]);
    }
  });

  it("positive: two slips side by side are found one pass after the other, and a span “1763–1783” counts as one date", () => {
    const hints = years(
      "American Independence, 1763–1783. When the war ended in 1763, Parliament passed the Stamp Act of 1755.",
      "After the Boston Massacre of 1770, in December 1743 the tea went into the harbour; in 1774 the Congress met, and in 1775 and 1776 the war began.",
    );
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([
      ["1755", "1765"],
      ["1743", "1773"],
    ]);
  });

  it("positive: a year just after a decade breaks the run like any other (a decade's slack counts only before it)", () => {
    const hints = years(
      "Sharpeville came in 1960. By the late 1980s sanctions bit hard.",
      "Mandela walked free in February 1999, and the talks of 1991 led to the first free elections.",
    );
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["1999", "1991"]]);
  });

  it("negative: a year a few years before a decade that sums up is background, not a slip", () => {
    expect(summarize(years("The empire collapsed in 1918. By the 1950s the old elites were gone; in 1945 the land was taken, and in 1961 the wall went up."))).toEqual([]);
  });

  it("negative: a neighbour out of order is left out only when a slip of its own puts it back", () => {
    // 1804 sits between 1848 and the 1850s with no swap or doubled digit that mends it, so 1888's neighbourhood stays out of order.
    expect(summarize(years("Britain banned the trade in 1807 and slavery in 1834; France followed in 1848. Brazil freed its slaves in 1888, while Haiti had been free since its revolution's victory in 1804, and in the 1850s Liberia grew; by 1898 and 1884 the partition was under way."))).toEqual([]);
  });

  it("negative: a flashback inside the run, a run of later years, and a year whose word points where it lies", () => {
    expect(
      summarize(
        years(
          "By 1955 Malenkov had been replaced. A commission looked at the 1930s and the congress of 1934.",
          "In February 1956 Khrushchev spoke, and said nothing of the show trials of 1936 to 1938.",
          "Bombay became Mumbai in 1995 and Madras Chennai in 1996, after the war of 1971.",
          "Metternich had guided policy since 1809 when the revolutions of 1848 broke out; in 1849 the old order returned.",
        ),
      ),
    ).toEqual([]);
  });
});

describe("anachronistic-year: a year far outside all the others", () => {
  it("positive: with only two other years, a swap that lands on one of them (1851 beside 1814 and 1815)", () => {
    const hints = years("Napoleon was sent to Elba in 1814.", "After Waterloo in June 1815 the allies met again.", "The final act was signed in 1851.");
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["1851", "1815"]]);
    expect(hints[0].evidence.map((e) => e.note).join(" ")).toMatch(/other 2 dates run from 1814 to 1815/);
  });

  it("positive: a swap onto a year the essay writes twice needs no wide gap; onto a year written once it does", () => {
    const text = (endOf1949: string) => [
      "The Opium War began in 1839. The Qing fell in 1911 and the Communist Party was founded in 1921.",
      `Japan invaded in 1937 and surrendered in 1945. Mao proclaimed the People's Republic on 1 October 1949; by ${endOf1949} Chiang had fled to Taiwan, and in 1950 troops entered Tibet.`,
      "Land reform was finished in 1994.",
    ];
    const hints = years(...text("the end of 1949"));
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["1994", "1949"]]);
    expect(hints[0].evidence.map((e) => e.note).join(" ")).toMatch(/Swapping the 9 and the 4 gives a year the essay names/);
    expect(summarize(years(...text("the end of the year")))).toEqual([]);
  });

  it("positive: a latest year among the first dates runs against the reading order (the seed's 1995)", () => {
    const hints = years("In 1995 the central committee set up a commission.", "The purges of the 1930’s were not condemned. Between 1924 and 1953 the party changed.", "The speech came in 1956.");
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["1995", "1955"]]);
  });

  it("positive: a decade keeps its decade shape", () => {
    const hints = years("The purges of the 1990s came first.", "In 1921 NEP began; in 1928 it ended; in 1934 Kirov was shot; in 1941 war came.");
    expect(hints.map((h) => h.exact)).toEqual(["1990s"]);
    expect(hints[0].suggestion).toMatch(/^19[2-4]0s$/);
  });

  it.each([
    ["background at the start", "The Estates-General had not met since 1614. In 1774 Louis XVI became king; by 1788 France was bankrupt, and in 1789 it met."],
    ["a legacy at the end", "The Republic was proclaimed in 1931. The war began in 1936 and the Republic fell in 1939. Franco ruled until he died in 1975."],
    ["mutual swaps", "The treaty was signed in June 1919; the Depression began in 1929, and the war came in 1939. The archives opened in 1991."],
    ["quantities", "The Congress had 1436 delegates, and 1,108 of the 1,966 delegates of 1934 were arrested in 1937 and 1938."],
  ])("negative: %s", (_, essay) => {
    expect(summarize(years(essay))).toEqual([]);
  });

  it("negative: one other year and no slip between them is no evidence", () => {
    expect(years("In 1953 Stalin died; in 1995 the archive opened.")).toEqual([]);
  });
});

describe("anachronistic-year: the teacher's glossary", () => {
  it("positive: a year outside the stated period, with a slip back inside when there is one", () => {
    const hints = withGlossary({ period: { start: 1917, end: 1964 } }, "The party met in 1925 and again in 1995.");
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["1995", "1925"]]);
    expect(hints[0].evidence[0]).toMatchObject({ source: "glossary", note: "The teacher’s glossary gives the period 1917–1964." });
  });

  it("positive: a person acting after their death, “Stalin answered by…”", () => {
    const hints = withGlossary(
      { people: [{ name: "Joseph Stalin", born: 1878, died: 1953 }] },
      "In 1948 Tito broke with Moscow. In 1958 Stalin answered by expelling Yugoslavia from the Cominform.",
    );
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["1958", "1948"]]);
    expect(hints[0].message).toMatch(/Stalin acts here in 1958, after dying in 1953/);
    expect(hints[0].evidence.map((e) => e.source)).toEqual(["glossary", "text", "rule"]);
  });

  it("negative: the dead person named, not acting (possessive, object, death itself)", () => {
    expect(
      summarize(
        withGlossary(
          { people: [{ name: "Joseph Stalin", born: 1878, died: 1953 }] },
          "In 1956 Khrushchev denounced Stalin. Stalin’s statues fell in 1961. After Stalin died, the thaw of 1956 began.",
        ),
      ),
    ).toEqual([]);
  });

  it("never needs a glossary: without one, a glossary-only slip is not hinted", () => {
    expect(years("The party met in 1925 and again in 1995.")).toEqual([]);
  });
});

describe("the names a glossary person goes by", () => {
  it("are every part of the name but regnal numbers and parts two people share", () => {
    const names = namesOf([
      { name: "Louis XVI", died: 1793 },
      { name: "Louis Philippe", died: 1850 },
      { name: "Hong Xiuquan", born: 1814, died: 1864 },
    ]);
    expect([...names.keys()].sort()).toEqual(["Hong", "Philippe", "Xiuquan"]);
  });
});
