import { describe, expect, it } from "vitest";
import { blocksInput, hintsOf, summarize } from "./helpers";

const years = (...paragraphs: string[]) => hintsOf("anachronistic-year", blocksInput(paragraphs));

describe("anachronistic-year", () => {
  it("positive: a one-digit slip out of the essay's decades, with the slip corrected", () => {
    const hints = years(
      "Stalin died in 1953, and Khrushchev spoke in February 1956.",
      "The purges of the 1930’s had been ignored. Between 1924 and 1953 the party changed.",
      "In 1995 the central committee set up a commission.",
    );
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ exact: "1995", suggestion: "1955", category: "date_number" });
  });

  it("positive: a far-off year that no slip explains is hinted without a suggestion", () => {
    const hints = years(
      "The Bolsheviks took power in 1917, and the civil war lasted until 1921.",
      "Lenin died in 1924, and collectivisation began in 1929.",
      "In 2045 the Politburo met to discuss the famine.",
    );
    expect(hints.map((h) => h.exact)).toEqual(["2045"]);
    expect(hints[0].suggestion).toBeUndefined();
    expect(hints[0].confidence).toBeLessThan(0.5);
  });

  it("positive: a decade form far from the rest keeps its decade shape in the suggestion", () => {
    const hints = years("In 1921 NEP began; in 1928 it ended; in 1934 Kirov was shot; in 1941 war came. The purges of the 1990s were worst.");
    expect(hints.map((h) => h.exact)).toEqual(["1990s"]);
    // One digit changed, still a decade, and inside the essay's 1921–1941 range.
    const suggestion = hints[0].suggestion ?? "";
    expect(suggestion).toMatch(/^19[2-4]0s$/);
  });

  it("negative: years spread over a normal range, decades and a quantity are left alone", () => {
    expect(
      summarize(
        years(
          "The Decembrists rose in 1825, the serfs were freed in 1861, and Alexander II was killed in 1881.",
          "The revolution of 1905 was followed by the revolutions of 1917; the 1920s brought NEP.",
          "The Congress had 1436 delegates, and 1,108 of the 1,966 delegates of 1934 were arrested.",
        ),
      ),
    ).toEqual([]);
  });

  it("negative: flash-forwards, historiography, births and citations are deliberate", () => {
    expect(
      summarize(
        years(
          "Stalin died in 1953; Khrushchev spoke in 1956 and fell in 1964.",
          "The Soviet Union survived until 1991.",
          "Historians writing in 2005 disagreed (Service 1997).",
          "Beria, born in 1899, was shot.",
        ),
      ),
    ).toEqual([]);
  });

  it("negative: fewer than three other years make no cluster, and a repeated year is deliberate", () => {
    expect(years("In 1953 Stalin died; in 1995 the archive opened.")).toEqual([]);
    expect(years("In 1921, 1924, 1928 and 1933 things happened; 1995 and again 1995.")).toEqual([]);
  });
});
