import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HINT_KINDS } from "../../../lib/critique/types";
import { CORPUS_DIR, loadCorpus, locate, readKey } from "../../../scripts/critique-eval/corpus";

/*
 * The evaluation corpus must stay what its README says: every key entry is
 * found in its essay exactly (so an edited essay cannot silently break its
 * key), the split is the one fixed before tuning, and the sizes hold.
 */
const corpus = loadCorpus();
const manifest = JSON.parse(readFileSync(path.join(CORPUS_DIR, "manifest.json"), "utf8")) as {
  essays: Array<{ file: string; key: string; part: string; added?: boolean }>;
  clean: Array<{ file: string; part: string; added?: boolean }>;
};
const keyed = [...corpus.essays, corpus.seed];

describe("the critique evaluation corpus (tests/fixtures/critique-eval)", () => {
  it.each(keyed.map((e) => [path.basename(e.file), e] as const))("%s: every key quote is its essay's text at its offsets", (_, essay) => {
    for (const entry of [...essay.errors, ...essay.traps]) {
      expect(essay.input.text.slice(entry.start, entry.end)).toBe(entry.quote);
    }
  });

  it("every key entry names an occurrence that exists, and a context that covers it", () => {
    for (const m of manifest.essays) {
      const key = readKey(path.join(CORPUS_DIR, m.key));
      const text = corpus.essays.find((e) => path.relative(CORPUS_DIR, e.file).split(path.sep).join("/") === m.file)!.input.text;
      for (const entry of [...key.errors, ...key.traps]) {
        expect(locate(text, entry.quote, entry.occurrence), `${m.key}: “${entry.quote}” #${entry.occurrence}`).not.toBeNull();
      }
      for (const error of key.errors.filter((e) => e.context)) {
        const span = locate(text, error.quote, error.occurrence)!;
        const around = locate(text, error.context!)!;
        expect(around, `${m.key}: context “${error.context}”`).not.toBeNull();
        expect(around.start <= span.start && span.end <= around.end, `${m.key}: “${error.quote}” inside “${error.context}”`).toBe(true);
      }
    }
  });

  it("no two key entries of one essay overlap, so each hint can find at most one error", () => {
    for (const essay of keyed) {
      const spans = [...essay.errors, ...essay.traps].sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++) expect(spans[i].start, `${essay.file}: “${spans[i].quote}”`).toBeGreaterThanOrEqual(spans[i - 1].end);
    }
  });

  it("lists every essay, key and clean file of the folder in the manifest", () => {
    const inFolder = (dir: string, ending: string) =>
      readdirSync(path.join(CORPUS_DIR, dir)).filter((f) => f.endsWith(ending) && f !== "README.md").map((f) => (dir ? `${dir}/${f}` : f));
    expect(manifest.essays.map((e) => e.file).sort()).toEqual([...inFolder("", ".md"), ...inFolder("added", ".md")].sort());
    expect(manifest.essays.map((e) => e.key).sort()).toEqual([...inFolder("", ".key.json"), ...inFolder("added", ".key.json")].sort());
    expect(manifest.clean.map((c) => c.file).sort()).toEqual(inFolder("clean", ".md").concat(inFolder("added/clean", ".md")).sort());
  });

  it("keeps the split fixed before tuning: sorted by file name, tuning and held-out alternate", () => {
    // Essays added later (added/) are tuning material outside the split, never held out.
    expect(manifest.essays.filter((e) => e.added).every((e) => e.part === "tuning" && e.file.startsWith("added/"))).toBe(true);
    expect(manifest.clean.filter((c) => c.added).every((c) => c.part === "tuning" && c.file.startsWith("added/clean/"))).toBe(true);
    for (const list of [manifest.essays.filter((e) => !e.added), manifest.clean.filter((c) => !c.added)]) {
      const sorted = [...list].sort((a, b) => a.file.localeCompare(b.file));
      expect(sorted.map((e) => e.part)).toEqual(sorted.map((_, i) => (i % 2 === 0 ? "tuning" : "held-out")));
    }
  });

  it("has at least 14 essays of 300–600 words with 4–8 planted errors each, every kind in both parts", () => {
    const original = corpus.essays.filter((e) => !e.file.includes(`${path.sep}added${path.sep}`));
    expect(original.length).toBeGreaterThanOrEqual(14);
    for (const essay of original) {
      expect(essay.words, essay.file).toBeGreaterThanOrEqual(300);
      expect(essay.words, essay.file).toBeLessThanOrEqual(600);
      expect(essay.errors.length, essay.file).toBeGreaterThanOrEqual(4);
      expect(essay.errors.length, essay.file).toBeLessThanOrEqual(8);
      expect(essay.traps.length, essay.file).toBeGreaterThan(0);
    }
    for (const part of ["tuning", "held-out"]) {
      const kinds = new Set(corpus.essays.filter((e) => e.part === part).flatMap((e) => e.errors.map((x) => x.kind)));
      expect([...kinds].sort()).toEqual([...HINT_KINDS].sort());
    }
  });

  it("has at least 5,000 words of clean prose, split in two parts", () => {
    expect(corpus.clean.reduce((n, c) => n + c.words, 0)).toBeGreaterThanOrEqual(5000);
    expect(new Set(corpus.clean.map((c) => c.part))).toEqual(new Set(["tuning", "held-out"]));
  });

  it("keys the seed essay with the errors its unit test asserts", () => {
    expect(path.basename(corpus.seed.file)).toBe("destalinization-origins.md");
    expect(corpus.seed.errors.map((e) => e.quote)).toEqual(
      expect.arrayContaining(["1995", "Desalinization", "Part Congress", "coarse", "Authors Avatar", "Join now!", "..."]),
    );
    expect(corpus.seed.errors.filter((e) => e.quote === "Desalinization")).toHaveLength(2);
  });
});
