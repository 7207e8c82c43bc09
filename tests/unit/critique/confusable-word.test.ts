import { describe, expect, it } from "vitest";
import { blocksInput, hintsOf, summarize } from "./helpers";

const confusables = (...paragraphs: string[]) => hintsOf("confusable-word", blocksInput(paragraphs));
const pairs = (...paragraphs: string[]) => confusables(...paragraphs).map((h) => [h.exact, h.suggestion]);

describe("confusable-word", () => {
  it("positive: “change the coarse of” → “course”, with the capital kept at a sentence start", () => {
    expect(pairs("Truly wished to change the coarse of the development.", "Of coarse, nobody objected.")).toEqual([
      ["coarse", "course"],
      ["coarse", "course"],
    ]);
  });

  it.each([
    ["They feared they would loose power.", "loose", "lose"],
    ["It was a lose alliance of factions.", "lose", "loose"],
    ["The principle reason was fear.", "principle", "principal"],
    ["In principal, the party ruled collectively.", "principal", "principle"],
    ["The speech had a profound affect on the delegates.", "affect", "effect"],
    ["The reforms took affect in 1957.", "affect", "effect"],
    ["Khrushchev was bolder then Malenkov.", "then", "than"],
    ["Since than, the party had changed.", "than", "then"],
    ["The army kept it's own newspaper.", "it's", "its"],
    ["Its not clear who wrote it.", "Its", "It’s"],
    ["Their was no opposition left.", "Their", "There"],
    ["The peasants defended there land.", "there", "their"],
    ["The famine had lead to unrest.", "lead", "led"],
    ["The army was lead by Zhukov.", "lead", "led"],
    ["The new plan complimented the reforms.", "complimented", "complemented"],
    ["Germany refused to except the terms.", "except", "accept"],
    ["It was unclear weather the Presidium agreed.", "weather", "whether"],
    ["Beria played a key roll in the purges.", "roll", "role"],
    ["He gave the police free reign.", "reign", "rein"],
    ["The defeat sapped the army's moral.", "moral", "morale"],
    ["The tenants of Marxism were rewritten.", "tenants", "tenets"],
    ["Political descent was crushed.", "descent", "dissent"],
    ["The harvests of the proceeding years failed.", "proceeding", "preceding"],
    ["They where forced to confess.", "where", "were"],
    ["The soldiers left there homes.", "there", "their"],
    ["This had a big affect on trade.", "affect", "effect"],
    ["The war effected everyone in the town.", "effected", "affected"],
    ["He was a man of principal.", "principal", "principle"],
    ["Rousseau spread the principal of popular sovereignty.", "principal", "principle"],
    ["He was more interested in land then in glory.", "then", "than"],
    ["Britain lost it's colonies in America.", "it's", "its"],
    ["It's effect on public opinion was enormous.", "It's", "Its"],
    ["This lead to war.", "lead", "led"],
    ["The withdrawal, which Mountbatten lead, made it worse.", "lead", "led"],
    ["As the months past, the Nationalists advanced.", "past", "passed"],
    ["The troops past through the valley.", "past", "passed"],
    ["Doctors could do nothing accept pray.", "accept", "except"],
    ["Nobody knew weather to flee or stay.", "weather", "whether"],
    ["The two policies compliment each other.", "compliment", "complement"],
    ["He kept quite about the plan.", "quite", "quiet"],
    ["Paris was quiet different from Lyon.", "quiet", "quite"],
    ["She played a big roll in the rising.", "roll", "role"],
    ["Zapata refused to make a piece treaty.", "piece", "peace"],
    ["A man who's army beat the British.", "who's", "whose"],
    ["Whose going to pay?", "Whose", "Who’s"],
    ["The colonists could not except taxation without representation.", "except", "accept"],
    ["Washington lead the army through the winter.", "lead", "led"],
    ["French ships were a perfect compliment to the American army.", "compliment", "complement"],
    ["Loyalists who's property had been seized fled.", "who's", "whose"],
  ])("positive: %s", (sentence, wrong, right) => {
    expect(pairs(sentence)).toEqual([[wrong, right]]);
  });

  it("negative: the same words used correctly, and ambiguous contexts left alone", () => {
    expect(
      summarize(
        confusables(
          "The course of the war changed; of course, the coarse bread of the camps was remembered.",
          "A loose coalition could lose power; in principle the principal architect kept the principle of collective leadership.",
          "The effect on the party was profound, and it would affect them for years. The reforms took effect in principal cities.",
          "He was more cautious than Molotov, and then he spoke. It's clear that its own army obeyed. Their leaders were there.",
          "They led the army, and lead was mined in the Urals. The plans complemented each other; he complimented her.",
          "They would accept the terms, except the last. The weather was cold whether or not they marched. A roll call followed.",
          "His reign ended; the moral authority of the party; the tenants of the estate; a descent into chaos; the proceedings.",
          "Where they went, they were watched. Those where the state had failed were few.",
          "Life in the villages was harder then. Things were better then, than they became later.",
          "There, people gathered. It's time to leave; it's clear that its borders grew. The people who lead the party are old.",
          "In years past and present. The troops marched past the church. A piece of land was signed away in peace.",
          "A quiet town was quite calm. Everyone except the king agreed. Whose land was it? Who's going?",
          "They would do anything except surrender; they could not except for the harbour. Soldiers lead the charge. He paid a compliment to the king.",
        ),
      ),
    ).toEqual([]);
  });

  describe("pairs decided by grammar: the noun is whatever word follows, never a list", () => {
    it.each([
      ["At Sedan, there cavalry charged three times.", "there", "their"],
      ["The miners risked there necks in the shafts.", "there", "their"],
      ["The settlers had to leave they're farms with nothing.", "they're", "their"],
      ["Nobody spoke of they're fate.", "they're", "their"],
      ["It's collapse was sudden.", "It's", "Its"],
      ["The monk, who's teaching inspired thousands, was arrested.", "who's", "whose"],
      ["He fled to the monastery, were he wrote his memoirs.", "were", "where"],
      ["The crowds came to here the speeches.", "here", "hear"],
      ["The poor could not afford to by bread.", "by", "buy"],
      ["Prices doubled, witch angered the workers.", "witch", "which"],
      ["The Zulus new the ground better than the invaders.", "new", "knew"],
      ["The rumour spread threw the barracks.", "threw", "through"],
      ["The harbour was lost from site at dusk, out of site of the fleet.", "site", "sight"],
      ["The artillery and canons opened fire.", "canons", "cannons"],
      ["The delegates excepted it without a vote.", "excepted", "accepted"],
      ["Nobody knew weather they would be paid.", "weather", "whether"],
      ["Its clear that the harvest failed.", "Its", "It’s"],
    ])("positive: %s", (sentence, exact, suggestion) => {
      expect(pairs(sentence)).toContainEqual([exact, suggestion]);
    });

    it("negative: the same words where grammar allows them", () => {
      expect(
        summarize(
          confusables(
            "In the valley, there followed years of famine. At the fort there then began a siege; there sometimes was no bread.",
            "The British fought there in 1915 and again in 1916, and many stayed there alone.",
            "They say they're ready to negotiate, and he said they're coming.",
            "It's clear the treaty was a failure, and it's what was left that mattered.",
            "She is the one who's being blamed, though nobody knows who's coming.",
            "Were he elected, the reforms would stop; the ministers, were they asked, were silent.",
            "The march from the coast up to here took three weeks.",
            "By 1900 the state could by law seize land, and they went to by-elections.",
            "The witch trials of Salem began in 1692, and the accused witch was hanged.",
            "The new tax fell on the peasants; the Boers' new republic was poor.",
            "He threw the letter into the fire.",
            "The site of the battle is a museum.",
            "The canons of the cathedral met; canon law forbade it.",
            "The law excepted the clergy from military service, and excepted them from taxes.",
            "The weather they met in Russia was cold, and in any weather they marched; they had to weather it or die.",
            "The state and its clear borders; its leaders found its important ports closed.",
          ),
        ),
      ).toEqual([]);
    });
  });
});
