/**
 * Prints the critique hints of one essay file as pretty JSON.
 *
 *   npm run critique -- content/destalinization-origins.md
 *
 * On a file that cannot be read or parsed it prints one line to stderr and
 * exits 1, so it can gate a content check.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ContentError } from "../lib/content/errors";
import { parseEssay } from "../lib/content/parse";
import { findHints } from "../lib/critique/find-hints";
import { loadEnglishLexicon } from "../lib/lexicon/load-english-lexicon";

function main(argv: readonly string[]): number {
  const file = argv.find((a) => a !== "--");
  if (!file) {
    process.stderr.write("usage: npm run critique -- <essay.md>\n");
    return 1;
  }
  let source: Buffer;
  try {
    source = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message;
    process.stderr.write(`critique: ${file}: ${reason}\n`);
    return 1;
  }
  try {
    const essay = parseEssay(path.basename(file), new Uint8Array(source));
    const hints = findHints({ text: essay.text, blocks: essay.blocks, title: essay.meta.title, glossary: essay.meta.glossary ?? null }, { lexicon: loadEnglishLexicon() });
    const report = { file, slug: essay.slug, contentHash: essay.contentHash, count: hints.length, hints };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    const reason = error instanceof ContentError ? `${error.file}: ${error.reason}` : `${file}: ${(error as Error).message}`;
    process.stderr.write(`critique: ${reason.replace(/\s+/g, " ")}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
