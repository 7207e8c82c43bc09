import { describe, expect, it } from "vitest";
import { blocksInput, hintsOf, summarize } from "./helpers";

const phrases = (...paragraphs: string[]) => hintsOf("broken-phrase", blocksInput(paragraphs));
const pairs = (...paragraphs: string[]) => phrases(...paragraphs).map((h) => [h.exact, h.suggestion]);

describe("broken-phrase", () => {
  it("positive: the seed's “Twentieth Part Congress”", () => {
    expect(pairs("A modest attack on Stalin at the Twentieth Part Congress.")).toEqual([["Part Congress", "Party Congress"]]);
  });

  it.each([
    ["The Communist Part ruled alone.", "Communist Part", "Communist Party"],
    ["The Cold Was began in 1947.", "Cold Was", "Cold War"],
    ["Behind the Iron Curtin, nobody voted.", "Iron Curtin", "Iron Curtain"],
    ["He read the secret speach aloud.", "secret speach", "secret speech"],
    ["The Secret Speach shocked them.", "Secret Speach", "Secret Speech"],
    ["The Central Comittee met.", "Central Comittee", "Central Committee"],
    ["the central comittee met.", "central comittee", "central committee"],
    ["The Red Amry advanced.", "Red Amry", "Red Army"],
    ["The first Five-Year Plna began.", "Five-Year Plna", "Five-Year Plan"],
  ])("positive: %s", (sentence, wrong, right) => {
    expect(pairs(sentence)).toEqual([[wrong, right]]);
  });

  it("negative: correct phrases, plurals, style variants and ordinary prose that resembles a phrase", () => {
    expect(
      summarize(
        phrases(
          "The Party Congress met; the Party Congresses of the 1920s; the Communist parties of Europe; the Central Committees.",
          "Cold was the winter of 1941. The Cold War's end; the World Wars; the labour camps and the labor camps.",
          "The Communist party of Poland; the Civil Law code; the secret speeches; the Iron Curtain fell.",
          "He played his part. Congress met. The Soviet Union, the Red Army and the Central Committee.",
        ),
      ),
    ).toEqual([]);
  });

  it("negative: words of a phrase split by punctuation or across blocks", () => {
    expect(phrases("It was cold. Was it?", "the Party", "Congress met.")).toEqual([]);
    expect(phrases("The Communist. Part of it.")).toEqual([]);
  });
});
