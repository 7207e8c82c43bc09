import { describe, expect, it } from "vitest";
import { findHints } from "../../../lib/critique/find-hints";
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

  it("positive: a name spelled two ways in one text, at the rarer way, with the other and where it stands as evidence", () => {
    const input = blocksInput([
      ["heading", "Why did it fall?"],
      "Erich Honecker ruled East Germany. Honecker refused to change.",
      "In October Honeker was removed by his own party.",
    ]);
    const hints = hintsOf("term-drift", input);
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["Honeker", "Honecker"]]);
    const text = hints[0].evidence.find((e) => e.source === "text");
    expect(text?.note).toMatch(/writes “Honecker” twice \(first under the heading “Why did it fall\?”\), against “Honeker” once/);
    expect(text?.span && input.text.slice(text.span.start, text.span.end)).toBe("Honecker");
    expect(hints[0].evidence.map((e) => e.source)).toContain("word-list");
  });

  it.each([
    ["a swap", "Schabowski spoke. Schabowski read his notes, and Schabowksi said “immediately”.", "Schabowksi", "Schabowski"],
    ["a short name", "Huerta was hated. Villa fought Huerta, and Heurta fled.", "Heurta", "Huerta"],
    ["a doubled letter dropped, each written once", "General Jean-Jacques Dessalines fought on. In 1804 Desalines declared independence.", "Desalines", "Dessalines"],
    ["a dictionary name written once", "The Committee, led by Robespierre, ruled. In the end Robespiere was guillotined.", "Robespiere", "Robespierre"],
    ["a name swapped, each written once, the word list breaking the tie", "The Pope at Avignon stayed. When it reached Avingon, half the city died.", "Avingon", "Avignon"],
  ])("positive: %s", (_, paragraph, wrong, right) => {
    expect(drift([paragraph]).map((h) => [h.exact, h.suggestion])).toEqual([[wrong, right]]);
  });

  it("positive: a letter dropped before the ending is a slip, not another form (“Trevelyn” beside “Trevelyan”)", () => {
    const hints = drift(["The Treasury official Charles Trevelyan ran relief. Later Trevelyn closed the soup kitchens."]);
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["Trevelyn", "Trevelyan"]]);
  });

  it("positive: in a tie, a later spelling a letter added away from the one that introduced the name", () => {
    const hints = drift(["Akbar founded Fatehpur Sikri as his capital.", "He left Fatehpur Sikiri after fourteen years."]);
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["Sikiri", "Sikri"]]);
    expect(hints[0].evidence.map((e) => e.note).join(" ")).toMatch(/comes first, where the text introduces it/);
  });

  it("positive: in a tie, a later spelling of a long name with one letter changed (eight letters on)", () => {
    const hints = drift(["Gustav Stresemann ended the crisis of 1923.", "Stresemenn then signed the Locarno treaties."]);
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["Stresemenn", "Stresemann"]]);
  });

  it("positive: a heading's spelling wins over a body spelling written before it, never the other way round", () => {
    const hints = drift(["Gustav Stresemenn ended the crisis of 1923.", ["heading", "Stresemann and Locarno"]]);
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["Stresemenn", "Stresemann"]]);
  });

  it("negative: real other forms, and two names each written once a changed letter apart", () => {
    expect(
      summarize(
        drift([
          "Italy and the Italian states; Prussia and the Prussian army; the Mughal court and the Mughals.",
          "Queen Njinga of Ndongo fought the Portuguese; Nzinga Mbemba wrote to Lisbon.",
          "Emperor Wilhelm spoke; later Wilhelmina reigned.",
        ]),
      ),
    ).toEqual([]);
  });

  it("positive: a word of the title misspelled once, suggested in its own case", () => {
    const hints = drift(["The revoluton was not only about bread."], "The Causes of the French Revolution");
    expect(hints.map((h) => [h.exact, h.suggestion, h.evidence[0].source])).toEqual([["revoluton", "revolution", "title"]]);
  });

  it("positive: a term spelled differently from the teacher's glossary", () => {
    const input = { ...blocksInput(["The Taipings called their state the Heavenly Kingdom, led by Hong Xiuqan."]), glossary: { terms: [], people: [{ name: "Hong Xiuquan" }] } };
    const hints = hintsOf("term-drift", input);
    expect(hints.map((h) => [h.exact, h.suggestion, h.evidence[0].source])).toEqual([["Xiuqan", "Xiuquan", "glossary"]]);
  });

  it("negative: quotations, foreign spellings with accents, other forms of a name, and two names each written once", () => {
    expect(
      summarize(
        drift([
          "Zapata's slogan “Tierra y Libertad” promised liberty; the motto “orden y progreso” promised order.",
          "José María Morelos fought on; Bolívar died at Santa Marta. The cry “Independência ou morte!” meant independence.",
          "General Augusto Pinochet seized power in September; in August the strikes began. The Porfiriato of Porfirio Díaz.",
          "Queen Njinga of Ndongo fought the Portuguese; Nzinga Mbemba wrote to Lisbon. Prussia and the Prussian army.",
        ]),
      ),
    ).toEqual([]);
  });

  it("without a word list, only names are compared", () => {
    const input = blocksInput(["Honecker ruled. Honecker refused. Then Honeker fell, and the revolutoin came with the revolution, the revolution."]);
    expect(findHints(input, { kinds: ["term-drift"] }).map((h) => h.exact)).toEqual(["Honeker"]);
  });
});
