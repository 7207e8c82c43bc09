import path from "node:path";
import { describe, expect, it } from "vitest";
import { createWordSetLexicon } from "../../../lib/critique/lexicon";
import { createEnglishLexicon, loadEnglishLexicon } from "../../../lib/lexicon/load-english-lexicon";
import { lexicon } from "./helpers";

describe("the English word list (nspell over dictionary-en and dictionary-en-gb)", () => {
  it("is one instance per process: loading again returns it without reading the dictionaries", () => {
    expect(loadEnglishLexicon()).toBe(lexicon);
    const started = performance.now();
    loadEnglishLexicon();
    expect(performance.now() - started).toBeLessThan(5);
  });

  it("knows American and British spellings, capitalized words and names, and case matters for names", () => {
    for (const word of ["organized", "organised", "colour", "color", "Revolution", "Paris", "Honecker", "it’s", "quarrelled"]) {
      expect(lexicon.isWord(word), word).toBe(true);
    }
    for (const word of ["revoluton", "paris", "Honeker", "Schabowksi", "Louvreture"]) expect(lexicon.isWord(word), word).toBe(false);
  });

  it("reads its dictionaries from node_modules (nothing is fetched): a fresh instance loads offline from the installed packages", () => {
    const dir = path.dirname(require.resolve("dictionary-en"));
    expect(dir).toContain(`${path.sep}node_modules${path.sep}dictionary-en`);
    expect(createEnglishLexicon().isWord("sovereignty")).toBe(true);
  });
});

describe("a word-set lexicon for small tools", () => {
  it("knows a word with a capital when it knows it in lower case, not the other way round", () => {
    const words = createWordSetLexicon(["revolution", "Paris"]);
    expect([words.isWord("Revolution"), words.isWord("revolution"), words.isWord("Paris"), words.isWord("paris")]).toEqual([true, true, true, false]);
  });
});
