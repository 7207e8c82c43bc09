import { describe, expect, it } from "vitest";
import { SET_PHRASES } from "../../../lib/critique/hints/set-phrases";
import { blocksInput, hintsOf, summarize } from "./helpers";

const blocksInputOf = (paragraphs: string[]) => blocksInput(paragraphs);

const phrases = (...paragraphs: string[]) => hintsOf("broken-phrase", blocksInput(paragraphs));
const pairs = (...paragraphs: string[]) => phrases(...paragraphs).map((h) => [h.exact, h.suggestion]);

/**
 * Phrases that name a held-out essay's topic (tests/fixtures/critique-eval/manifest.json) or belong to it: a
 * list entry for one of them finds that essay's broken phrase without any general rule, which is tuning on
 * the held-out part. The topics are the manifest's; the phrases of each were chosen without opening the essays.
 */
const HELD_OUT_TOPIC_PHRASES = [
  "civil rights movement", "Civil Rights Act", "Voting Rights Act", "Montgomery Bus Boycott", "March on Washington",
  "Black Power", "Jim Crow", "Supreme Court", "Emancipation Proclamation", "Reconstruction Era", "Underground Railroad",
  "Cuban Revolution", "Cuban Missile Crisis", "Bay of Pigs",
  "Great Depression", "Wall Street Crash", "New Deal", "Dust Bowl", "Black Tuesday", "Hoover Dam", "Social Security", "gold standard",
  "Meiji Restoration", "Meiji Constitution", "Tokugawa Shogunate", "Japanese Empire", "Russo-Japanese War", "Sino-Japanese War",
  "Tanzimat reforms", "Ottoman Empire", "Young Turks", "Young Turk Revolution", "Sick Man of Europe", "Crimean War", "Balkan Wars",
  "Scramble for Africa", "Berlin Conference", "Congo Free State", "Boer War",
  "Taiping Rebellion", "Opium War", "Treaty of Nanking", "Qing Dynasty", "Boxer Rebellion", "Open Door Policy", "Xinhai Revolution",
];

describe("broken-phrase", () => {
  it("the set-phrase list names no held-out essay's topic", () => {
    const listed = new Set(SET_PHRASES.map((p) => p.toLowerCase()));
    expect(HELD_OUT_TOPIC_PHRASES.filter((p) => listed.has(p.toLowerCase()))).toEqual([]);
  });

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

  it.each([
    ["It became a mute point once Napoleon escaped.", "mute point", "moot point"],
    ["Peasants waited with baited breath for the land.", "baited breath", "bated breath"],
    ["For all intensive purposes the war was over.", "For all intensive purposes", "For all intents and purposes"],
    ["The generals would not tow the line.", "tow the line", "toe the line"],
  ])("positive: a misheard set phrase, word for word: %s", (sentence, wrong, right) => {
    expect(pairs(sentence)).toEqual([[wrong, right]]);
  });

  it("positive: a proper phrase written two ways, against the title or the more frequent way, with where it stands", () => {
    const input = { ...blocksInputOf(["In 1839 the Grand Vizer fled to Egypt."]), title: "The Grand Vizier and the Tanzimat" };
    expect(hintsOf("broken-phrase", input).map((h) => [h.exact, h.suggestion, h.evidence[0].source])).toEqual([
      ["Grand Vizer", "Grand Vizier", "title"],
    ]);
    const body = phrases("The Grand Vizier Mehmed met the Grand Vizer of Egypt.", "The Grand Vizier Ali went on.");
    expect(body.map((h) => [h.exact, h.suggestion])).toEqual([["Grand Vizer", "Grand Vizier"]]);
    expect(body[0].evidence[0]).toMatchObject({ source: "text", span: { start: 4, end: 16 } });
    // A final "ss" that lost one s is a slip, not a singular: "Continental Congres" beside "Continental Congress".
    const congress = phrases("In 1774 the first Continental Congress met.", "In 1775 the Continental Congres chose Washington.");
    expect(congress.map((h) => [h.exact, h.suggestion])).toEqual([["Continental Congres", "Continental Congress"]]);
  });

  it("positive: a phrase of the teacher's glossary", () => {
    const input = { ...blocksInputOf(["The Heavenly Kindgom ruled Nanjing."]), glossary: { terms: ["Heavenly Kingdom"], people: [] } };
    expect(hintsOf("broken-phrase", input).map((h) => [h.exact, h.suggestion, h.evidence[0].source])).toEqual([
      ["Heavenly Kindgom", "Heavenly Kingdom", "glossary"],
    ]);
  });

  it("negative: the same phrase in another form, regnal numbers, and names one word apart", () => {
    expect(
      summarize(
        phrases(
          "East Germany built the wall; East German guards and East Germans watched it; the East German state fell.",
          "Louis XIV built Versailles; Louis XVI lost it; Louis XVI was executed.",
          "North Korea and South Korea; Upper Canada and Lower Canada.",
        ),
      ),
    ).toEqual([]);
  });
});

describe("eggcorns of the general list, round three", () => {
  it.each([
    ["They had to eek out a living.", "eek out", "eke out"],
    ["It was gorilla warfare in the hills.", "gorilla warfare", "guerrilla warfare"],
    ["The army declared marshal law.", "marshal law", "martial law"],
    ["Peasants were used as canon fodder.", "canon fodder", "cannon fodder"],
    ["He got rid of them in one foul swoop.", "one foul swoop", "one fell swoop"],
    ["Victory was a forgone conclusion.", "forgone conclusion", "foregone conclusion"],
    ["The police had free reign.", "free reign", "free rein"],
    ["Lincoln poured over the telegrams every night.", "poured over", "pored over"],
    ["Historians still pour over his letters.", "pour over", "pore over"],
    ["In the mist of the war, prices rose.", "In the mist of", "In the midst of"],
    ["The colonists entered unchartered territory.", "unchartered territory", "uncharted territory"],
  ])("positive: %s", (sentence, wrong, right) => {
    expect(pairs(sentence)).toEqual([[wrong, right]]);
  });

  it("negative: the same words where they mean what they say", () => {
    const right = [
      "Refugees poured over the border, and water poured over the dam.",
      "They were lost in the mist of the morning.",
      "His reign in England was short; the Marshal led the army; the canon law of the Church.",
      "The laws of war pour over into peace.",
    ];
    expect(pairs(...right)).toEqual([]);
  });
});
