import { parseEssay, type Block } from "@/lib/content";
import { createRandom, type Random } from "./prng";

/*
 * A long history text in the style of the seed essay: chapters with headings,
 * bullet lists of claims, paragraphs, site chrome ("Join now!") and the
 * seed's typography (curly apostrophes). Built from a small vocabulary on
 * purpose: real student essays repeat names and phrases, and repeats are
 * what make re-anchoring hard (a quote must not jump to another "Stalin's crimes").
 */

const LEADERS = ["Khrushchev", "Stalin", "Malenkov", "Beria", "Molotov", "Bulganin", "Zhukov", "Brezhnev", "Kaganovich", "Mikoyan"];
const ABROAD = ["Tito", "Mao", "Nagy", "Gomułka", "Rákosi", "Ulbricht", "Eisenhower", "Hoxha"];
const PLACES = ["Moscow", "Budapest", "Warsaw", "Poznań", "Belgrade", "Beijing", "Leningrad", "Kyiv", "Tbilisi", "Prague"];
const BODIES = ["the Presidium", "the Central Committee", "the Politburo", "the Twentieth Party Congress", "the Council of Ministers", "the Komsomol", "the KGB", "the Red Army", "the Writers’ Union"];
const TERMS = ["collectivisation", "industrialisation", "the purges", "the Gulag", "the Thaw", "rehabilitation", "the cult of personality", "peaceful coexistence", "the Virgin Lands campaign", "de-Stalinisation", "the secret speech", "the Doctors’ Plot", "socialist legality", "the show trials"];
const VERBS = ["denounced", "defended", "criticised", "questioned", "revived", "abandoned", "reformed", "exposed", "concealed", "exploited", "limited", "welcomed"];
const ADJ = ["sensitive", "modest", "dramatic", "cautious", "bitter", "decisive", "uneven", "limited", "sweeping", "controversial"];
const EFFECTS = ["unrest", "uncertainty", "a wave of hope", "open dissent", "a crisis of faith", "a power struggle", "fear among officials", "reform in the satellite states"];
const CHROME = ["Join now!", "Authors Avatar", "This is a preview of the whole essay", "Read more", "Page 2 of 7"];

function year(r: Random): string {
  return String(r.int(1917, 1991));
}

function sentence(r: Random): string {
  const templates: (() => string)[] = [
    () => `In ${year(r)} ${r.pick(LEADERS)} ${r.pick(VERBS)} ${r.pick(TERMS)} before ${r.pick(BODIES)}.`,
    () => `${r.pick(LEADERS)}’s policy on ${r.pick(TERMS)} was ${r.pick(ADJ)}, and it could provoke ${r.pick(EFFECTS)}.`,
    () => `${r.pick(BODIES).replace(/^t/, "T")} decided that ${r.pick(TERMS)} would be ${r.pick(VERBS)} in ${r.pick(PLACES)}.`,
    () => `Historians still disagree about whether ${r.pick(LEADERS)} ${r.pick(VERBS)} ${r.pick(TERMS)} out of conviction or for his own authority.`,
    () => `The events in ${r.pick(PLACES)} in ${year(r)} showed how ${r.pick(ADJ)} the change was; ${r.pick(ABROAD)} ${r.pick(VERBS)} it at once.`,
    () => `However, the report was ${r.pick(ADJ)}, focusing mainly on ${r.pick(TERMS)} and on the fate of loyal party workers.`,
    () => `Between ${year(r)} and ${year(r)}, ${r.pick(TERMS)} affected millions of people across the Soviet Union.`,
    () => `As a result, ${r.pick(ABROAD)} and ${r.pick(LEADERS)} met in ${r.pick(PLACES)}, which led to ${r.pick(EFFECTS)}.`,
    () => `It was not allowed to denounce ${r.pick(TERMS)}, nor the part ${r.pick(LEADERS)} had played in it.`,
  ];
  return r.pick(templates)();
}

function paragraph(r: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r)).join(" ");
}

/** Markdown (with front matter) of a generated essay of at least `minChars` characters of text. */
export function generateHistoryMarkdown(seed: number, minChars: number): string {
  const r = createRandom(seed);
  const lines = [
    "---",
    'title: "The Thaw: A Generated History"',
    'author: "Bench generator"',
    'source: "scripts/bench/history-text.ts"',
    "retrieved: 2026-11-27",
    'notes: "Deterministic text for benchmarks."',
    "---",
    "",
    "# The Thaw: A Generated History",
    "",
    "Authors Avatar",
  ];
  let size = 0;
  for (let chapter = 1; size < minChars; chapter++) {
    const title = `## Chapter ${chapter}: ${r.pick(TERMS).replace(/^the /, "").replace(/^./, (c) => c.toUpperCase())} in ${r.pick(PLACES)}`;
    const block: string[] = ["", title];
    const sections = r.int(2, 4);
    for (let section = 0; section < sections; section++) {
      block.push("", `### ${r.pick(["The Origins", "Causes", "Consequences", "Reactions abroad", "Why did it happen?", "Evidence"])}`, "");
      const bullets = r.int(3, 8);
      for (let i = 0; i < bullets; i++) block.push(`- ${paragraph(r, r.int(1, 3))}`);
      if (r.chance(0.6)) block.push("", paragraph(r, r.int(3, 6)));
      if (r.chance(0.15)) block.push("", r.pick(CHROME));
    }
    lines.push(...block);
    size += block.join("\n").length;
  }
  return `${lines.join("\n")}\n`;
}

/** The generated essay as canonical text + blocks, exactly as the app would store it. */
export function generateHistoryText(seed: number, minChars: number): { text: string; blocks: Block[] } {
  const parsed = parseEssay("bench-history.md", generateHistoryMarkdown(seed, minChars));
  return { text: parsed.text, blocks: parsed.blocks };
}
