import { describe, expect, it } from "vitest";
import { blocksInput, hintsOf } from "./helpers";

const years = (...paragraphs: string[]) => hintsOf("anachronistic-year", blocksInput(paragraphs)).map((h) => [h.exact, h.suggestion]);

/*
 * The year rules of round three, on sentences of their own (none from the
 * evaluation corpus): the two rules look again without what the other found,
 * essays with few dates get a generation of margin, a named century decides
 * between two dates, a "by" year may be left out of a short run, a year above
 * every later date needs no wide gap, and the first or last date of a story
 * is judged against the run beside it.
 */
describe("years, round three", () => {
  it("finds a near slip once the far slip beside it is set aside", () => {
    expect(
      years("The revolutions of 1848 failed. Italy was united in 1861.", "Venice joined the kingdom in 1887, and Rome in 1870.", "The Germans united in 1781, and the Reichstag first met in 1873."),
    ).toEqual([
      ["1887", "1867"],
      ["1781", "1871"],
    ]);
  });

  it("gives an essay with few dates a generation of margin: a swap that lands just before its first date", () => {
    expect(years("The siege began in 1683.", "In 1697 the peace was signed, and in 1699 the treaty.", "In 1920 the city's walls were finally pulled down.")).toEqual([]);
    expect(years("The revolt began in 1681 in Prague.", "In 1632 the king fell at Lützen.", "Peace came in 1648.")).toEqual([["1681", "1618"]]);
  });

  it("with one other date, only a century the essay names tells which of the two is the slip", () => {
    expect(years("By the nineteenth century the empire was weak.", "The reforms began in 1938 with an edict.", "The edict of 1856 went further.")).toEqual([["1938", "1838"]]);
    expect(years("The reforms began in 1938 with an edict.", "The edict of 1856 went further.")).toEqual([]);
  });

  it("leaves a “by” year out of a short run near the start, so the year after it is judged", () => {
    expect(years("In 1870 Europeans held a tenth of Africa. By 1914 they held almost all of it.", "The conference met from 1844 to February 1885.", "Adwa was fought in 1896 and Omdurman in 1898.")).toEqual([["1844", expect.stringMatching(/^18[78]4$/)]]);
  });

  it("hints a year above every later date with a changed digit, even a few years out of its run", () => {
    expect(years("Settlers came after 1830. On 8 May 1945 riots broke out, and in the early 1950s unrest grew.", "On 1 November 1964 the rising began.", "In 1957 came the battle of the city, in 1958 the coup, in 1961 the putsch and in 1962 the peace.")).toEqual([["1964", "1954"]]);
  });

  it("judges the first date against the run after it, passing over one background date", () => {
    expect(years("In September 1754 the blight appeared.", "Since the union of 1707 the kingdom had been one.", "In 1746 the harvest failed, in 1747 the soup kitchens opened, and by 1749 it was over.")).toEqual([["1754", "1745"]]);
    expect(years("In 1865 the war ended.", "It had begun in 1861; in 1862 and 1863 the armies fought in Virginia.")).toEqual([]);
  });
});
