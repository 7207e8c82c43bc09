import { describe, expect, it } from "vitest";
import { blocksInput, hintsOf, summarize } from "./helpers";

const drift = (paragraphs: Array<string | readonly ["heading", string]>, title?: string) =>
  hintsOf("term-drift", blocksInput(paragraphs, title));

describe("term-drift", () => {
  it("positive: a real word one letter from the title's key term (“Desalinization” / “DeStalinization”)", () => {
    const hints = drift(["Desalinization was sensitive, and it effectively instigated Desalinization."], "DeStalinization, The Origins.");
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([
      ["Desalinization", "DeStalinization"],
      ["Desalinization", "DeStalinization"],
    ]);
  });

  it("positive: a heading term misspelled in lower case is suggested in lower case", () => {
    const hints = drift([["heading", "Collectivization and Famine"], "The policy of colectivization ruined the villages."]);
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["colectivization", "collectivization"]]);
  });

  it("positive: a rarer spelling of a name used elsewhere (two separate dropped letters)", () => {
    const hints = drift(["Nikita Khrushchev spoke first. Later Khrushchev wrote memoirs, and in them Kruschev blamed Beria."]);
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["Kruschev", "Khrushchev"]]);
  });

  it("negative: the key term itself, hyphenated, possessive or in British spelling", () => {
    expect(
      summarize(
        drift(
          ["De-Stalinization began in 1956. DeStalinization’s limits were clear. De-Stalinisation slowed later. The destalinization campaign."],
          "DeStalinization, The Origins.",
        ),
      ),
    ).toEqual([]);
  });

  it("negative: ordinary words and inflections that merely resemble a key term", () => {
    expect(
      summarize(
        drift(
          [
            ["heading", "The Revolution and Its Stabilization"],
            "A resolution was passed. The revolutions of 1848 differed. Stabilizing the rouble mattered; stabilisation followed.",
            "Stalinist and Stalinism; the original origins of the policy. The Revolutionary committee met.",
          ],
          "Revolution, Stalinization and Stabilization",
        ),
      ),
    ).toEqual([]);
  });

  it("negative: different names that look alike, and names with diacritics or transliterated endings", () => {
    expect(
      summarize(
        drift([
          "Troops from Austria and Australia met; the Austrian and Australian units fought.",
          "Heinrich Himmler and Reinhard Heydrich met Heydrich's deputies. Slovenia and Slovakia and Slovakia.",
          "Władysław Gomułka returned, and Gomulka spoke. Trotsky, or Trotski, fled. Malenkov and Molotov, Molotov and Malenkov.",
        ]),
      ),
    ).toEqual([]);
  });
});
