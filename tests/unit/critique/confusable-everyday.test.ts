import { describe, expect, it } from "vitest";
import { blocksInput, hintsOf } from "./helpers";

const pairs = (...paragraphs: string[]) => hintsOf("confusable-word", blocksInput(paragraphs)).map((h) => [h.exact, h.suggestion]);

/*
 * The everyday pairs of round three (confusable-rules-everyday.ts): each rule
 * reads the word's class off its neighbours, so the wrong word in a context
 * that needs the other class is hinted, and the same word used rightly is not.
 */
describe("everyday confusables, decided by the words around them", () => {
  it.each([
    ["Lincoln asked his cabinet for advise again.", "advise", "advice"],
    ["He ignored the advise of his generals.", "advise", "advice"],
    ["The army never had time to breath.", "breath", "breathe"],
    ["The news gave the South a breathe of hope.", "breathe", "breath"],
    ["The North had far more personal to fill its armies.", "personal", "personnel"],
    ["Embassy personal were evacuated.", "personal", "personnel"],
    ["His personnel life was a scandal.", "personnel", "personal"],
    ["The war left a hole generation of wounded men.", "hole", "whole"],
    ["The country as a hole suffered.", "hole", "whole"],
    ["During the rein of Ferdinand II the Protestants rebelled.", "rein", "reign"],
    ["The emperor kept a tight reign on the press.", "reign", "rein"],
    ["Armies of mercenaries wondered across Germany.", "wondered", "wandered"],
    ["It is no wander that they rebelled.", "wander", "wonder"],
    ["Many wandered whether the war could be won.", "wandered", "wondered"],
    ["Soldiers would dessert their regiments.", "dessert", "desert"],
    ["Desserters were shot.", "Desserters", "Deserters"],
    ["Rommel fought in the Western Dessert.", "Dessert", "Desert"],
    ["The moral of the armies collapsed.", "moral", "morale"],
    ["Army moral fell after the defeat.", "moral", "morale"],
    ["It was a question of morale duty.", "morale", "moral"],
    ["Germany was torn to peaces.", "peaces", "pieces"],
    ["The city counsel met every week.", "counsel", "council"],
    ["The Counsel of Trent answered Luther.", "Counsel", "Council"],
    ["He kept his own council.", "council", "counsel"],
    ["The elicit trade in opium grew.", "elicit", "illicit"],
    ["The trial failed to illicit a confession.", "illicit", "elicit"],
    ["The front remained stationery for three years.", "stationery", "stationary"],
    ["He wrote on official stationary.", "stationary", "stationery"],
    ["They lived under the allusion that the war would be short.", "allusion", "illusion"],
    ["The poem made an illusion to the Bible.", "illusion", "allusion"],
    ["The peasants had to bare the cost of the war.", "bare", "bear"],
    ["They lived on the bear minimum.", "bear", "bare"],
    ["The garrison tried to brake the siege.", "brake", "break"],
    ["When war would brake out nobody knew.", "brake", "break"],
    ["The bank put the breaks on lending.", "breaks", "brakes"],
    ["The army preceded to burn the villages.", "preceded", "proceeded"],
    ["The revolt was proceeded by a famine.", "proceeded", "preceded"],
    ["His soul purpose was to keep the throne.", "soul", "sole"],
    ["Not a sole dared to speak.", "sole", "soul"],
    ["Parliament waved the fees for the poor.", "waved", "waived"],
    ["A new waive of strikes began.", "waive", "wave"],
    ["The crowds waived flags at the king.", "waived", "waved"],
    ["Martin Luther King Jr. lead the boycott.", "lead", "led"],
    ["But its hard to believe how big it was.", "its", "it’s"],
    ["Every country accept Ethiopia and Liberia was taken.", "accept", "except"],
    ["One of the main principals of his rule was tolerance.", "principals", "principles"],
    ["The burning city was a terrible site.", "site", "sight"],
    ["Cavour past away in 1861.", "past", "passed"],
  ])("%s → %s is %s", (sentence, written, meant) => {
    expect(pairs(sentence)).toContainEqual([written, meant]);
  });

  it("leaves every one of those words alone where it is used rightly", () => {
    const right = [
      "He took advice from Talleyrand and would advise the king against it.",
      "Soldiers could barely breathe; each breath froze.",
      "The personal cost to the emperor was heavy, and the personnel of the embassy were few.",
      "The whole course of the war changed; a hole in the wall let them in.",
      "The reign of Charles X ended in 1830; each court kept a tight rein on students.",
      "They did not wander far from their villages. It is no wonder they stayed, and many wondered about the future.",
      "Soldiers tried to desert; the dessert lasted longer than the debates.",
      "The retreat wore down morale, and the moral lesson was clear. The moral of the story was simple.",
      "A piece of territory passed to his allies; peace came at last.",
      "A council of ambassadors met; each court would counsel its neighbours.",
      "The illicit trade in coffee grew, and the question did elicit anger.",
      "He kept his army stationary, and the stationery of the palace was seized.",
      "It broke the illusion of peace; Canning's allusion to charity was no compliment.",
      "They could bear long sieges on bare rations of coarse bread.",
      "The allies let him break his right wing; the brake on change held.",
      "Each decision was preceded by a conference, and then they would proceed together.",
      "His prestige as the sole master of Europe did not survive; no soul can command the winter.",
      "Castlereagh would not waive his objections after the wave of revolutions, and the crowd waved flags.",
      "Of course bread was scarce. Made of coarse wool, the uniforms itched.",
      "Its hard currency reserves were gone.",
      "The army marched past away from the river; the danger was past.",
      "Each state accepted the treaty, and every prince would accept Ferdinand as emperor.",
      "The principals of the firm met in London; the principal of the school resigned.",
      "It was a terrible site for a fortress, and a familiar site of pilgrimage; the ruins were a terrible sight.",
    ];
    expect(pairs(...right)).toEqual([]);
  });
});
