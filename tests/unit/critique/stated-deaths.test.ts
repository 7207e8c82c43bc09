import { describe, expect, it } from "vitest";
import { findStatedDeaths } from "../../../lib/critique/hints/stated-deaths";
import { blocksInput, hintsOf } from "./helpers";

const years = (...paragraphs: string[]) => hintsOf("anachronistic-year", blocksInput(paragraphs));
const segmentsOf = (text: string) => [{ type: "paragraph" as const, start: 0, end: text.length, text }];

describe("a person acting after the death the essay itself states", () => {
  it("reads “X died in May 1863” and “X was killed at Lützen in 1632”, dropping titles, months and openers", () => {
    const text = "Jackson died in May 1863. King Gustavus Adolphus was killed at Lützen in 1632. In May Cromwell died in 1658.";
    expect(findStatedDeaths(segmentsOf(text)).map((p) => [p.name, p.died])).toEqual([
      ["Jackson", 1863],
      ["Gustavus Adolphus", 1632],
      ["Cromwell", 1658],
    ]);
  });

  it("hints the year in which the dead person acts, with the essay's own statement as evidence, before or after it", () => {
    const after = years("Lee drove them back in 1862. Jackson died in May 1863, shot by his own men.", "In 1864 Jackson outmarched three armies.");
    expect(after.map((h) => h.exact)).toEqual(["1864"]);
    expect(after[0].evidence[0]).toMatchObject({ source: "text", note: "The essay itself says “Jackson died in May 1863”." });
    const before = years("In 1634 Gustavus Adolphus won at Breitenfeld.", "Gustavus Adolphus died in 1632 at the battle of Lützen, and peace came in 1648.");
    expect(before.map((h) => [h.exact, h.message])).toEqual([["1634", expect.stringMatching(/Adolphus acts here in 1634, after dying in 1632/)]]);
  });

  it("leaves alone a year after the death that the dead person does not act in, and a name that dies twice in different years", () => {
    expect(years("Jackson died in 1863. In 1864 Sherman marched through Georgia; Jackson's statue was raised in 1910.")).toEqual([]);
    const twice = findStatedDeaths(segmentsOf("Adams died in 1826. Adams died in 1848."));
    expect(twice).toEqual([]);
  });
});
