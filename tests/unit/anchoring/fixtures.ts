/**
 * Named prose fixtures for the anchoring tests: passages of the kind students
 * annotate in class, plus helpers to select a phrase and to edit a text.
 */
import { describe as describeSpan } from "@/lib/anchoring";
import type { TextSelector } from "@/lib/anchoring";

/** Three paragraphs in the style of the seed essay, one per line. */
export const destalinization = [
  "Desalinization was an extremely sensitive issue, as if it was handled badly, it could provoke unrest. The post Stalinist officials wished to give the impression that they had not been involved in Stalin’s crimes.",
  "Initially, prisoners were released from labour camps, in order to buy time for a more major action.",
  "In 1995 the central committee set up a commission that intended to investigate Stalin’s crimes. However, the commission was extremely limited in what it could condemn.",
  "As a result, the commission's report was relatively modest. Historians still date the report to 1995 in error, copying the essay.",
].join("\n");

/** A student's note where emoji (astral characters) come before the words. */
export const emojiNote = "📜🚩 Primary source: Khrushchev’s Secret Speech of 1956 denounced Stalin’s cult of personality.";

/** The same phrase three times; only the context tells them apart. */
export const repeatedPhrase = [
  "The commission met in March. The commission reported to the Presidium.",
  "Later the commission was dissolved, and the commission's papers were sealed.",
].join("\n");

/** Selectors for the n-th (0-based) occurrence of `phrase` in `text`, as the reader would store them. */
export function select(text: string, phrase: string, occurrence = 0): TextSelector[] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(phrase, start + 1);
    if (start === -1) throw new Error(`fixture: "${phrase}" occurs fewer than ${occurrence + 1} times`);
  }
  const { quote, position } = describeSpan(text, start, start + phrase.length);
  return [quote, position];
}

/** Replaces the n-th occurrence of `from` with `to` (a fixture edit that must apply). */
export function edit(text: string, from: string, to: string, occurrence = 0): string {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(from, at + 1);
    if (at === -1) throw new Error(`fixture edit: "${from}" not found`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Small deterministic PRNG (mulberry32) so generated texts are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = (
  "the party congress committee commission report secret speech Khrushchev Stalin Beria Malenkov " +
  "Presidium Politburo purge rehabilitation camps prisoners labour thaw reform collectivization " +
  "industrialization Trotsky denounced investigated released arrested condemned limited modest " +
  "historians sources archive Moscow Kremlin delegates February March year decade of in and to " +
  "was were had not a an by with for from after before during its their his 1953 1956 1961"
).split(" ");

/** About `bytes` characters of history-flavoured prose in paragraphs of 40–120 words. */
export function generateEssay(bytes: number, seed = 1): string {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words: string[] = [];
    const count = 40 + Math.floor(random() * 80);
    for (let i = 0; i < count; i++) {
      words.push(VOCABULARY[Math.floor(random() * VOCABULARY.length)]);
      if (random() < 0.08) words[words.length - 1] += random() < 0.5 ? "," : ".";
    }
    const paragraph = words.join(" ") + ".";
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  return paragraphs.join("\n");
}
