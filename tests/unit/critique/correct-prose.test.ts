import path from "node:path";
import { describe, expect, it } from "vitest";
import { allHints, blocksInput, essayInput, FIXTURE_DIR, summarize } from "./helpers";

/*
 * Precision: hand-written, correct history prose must produce no hints at
 * all. The fixtures are deliberately full of near-misses: years from 1517 to
 * 1991 (with flash-forwards, a birth year and historiography), decades
 * ("the 1930s", "the 1980s"), names that resemble one another (Malenkov,
 * Molotov; Stalin, Stalingrad; Gomułka), British and American spellings side
 * by side (de-Stalinization, De-Stalinisation), and the confusable words used
 * correctly (course, principle, principal, effect, than, their, led, lose…).
 */
describe("correct history prose gets no hints", () => {
  it.each(["soviet-thaw.md", "early-modern-and-industrial.md"])("%s", (file) => {
    const input = essayInput(path.join(FIXTURE_DIR, file));
    expect(input.blocks.filter((b) => b.type === "paragraph").length).toBeGreaterThanOrEqual(5);
    expect(summarize(allHints(input))).toEqual([]);
  });

  it("a paragraph of twentieth-century prose given as plain blocks", () => {
    const input = blocksInput(
      [
        ["heading", "From Versailles to the Cold War"],
        "The Treaty of Versailles, signed in June 1919, left Germany resentful, and the Great Depression that followed the Wall Street Crash of 1929 gave Hitler his chance. By 1933 he was Chancellor; in 1936 his troops marched into the Rhineland; in March 1938 Austria was annexed.",
        "Chamberlain believed that concessions would lead to a lasting peace, and he was more hopeful than most of his colleagues. The Nazi-Soviet Pact of August 1939 changed the course of the war before it began, because it let Hitler attack Poland without fear of fighting on two fronts.",
        "After 1945 the wartime allies drifted apart. Churchill spoke of an Iron Curtain in 1946, the Truman Doctrine and the Marshall Plan followed in 1947, and the Berlin Blockade of 1948 showed how quickly a quarrel over currency could become a test of nerve. Neither side wanted to lose face, and neither could accept the other's principles.",
        "Historians have argued ever since about who was to blame. Writing in 1972, John Lewis Gaddis stressed Soviet ambitions, while revisionists pointed to American economic interests; the opening of Soviet archives after 1991 gave the debate new material.",
        "Its effects were felt far from Europe. In Korea the war that began in June 1950 had a profound effect on American rearmament, and the armistice of 1953 left the peninsula divided along almost the same line as before. Their leaders, then as now, claimed the whole country.",
      ],
      "From Versailles to the Cold War",
    );
    expect(summarize(allHints(input))).toEqual([]);
  });
});
