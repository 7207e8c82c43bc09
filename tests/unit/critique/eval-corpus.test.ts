import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HINT_KINDS } from "../../../lib/critique/types";
import { CORPUS_DIR, HELD_OUT_ROUND, describeHeldOut, loadCorpus, locate, readKey } from "../../../scripts/critique-eval/corpus";

/*
 * The evaluation corpus must stay what its README says: every key entry is
 * found in its essay exactly (so an edited essay cannot silently break its
 * key), the split is the one fixed before tuning, and the sizes hold. The
 * held-out part is round three's (round3/): round one's held-out files were
 * measured twice and looked at, so they are tuning material now.
 */
const corpus = loadCorpus();
const manifest = JSON.parse(readFileSync(path.join(CORPUS_DIR, "manifest.json"), "utf8")) as {
  essays: Array<{ file: string; key: string; part: string; added?: boolean; round?: number; retired?: string }>;
  clean: Array<{ file: string; part: string; added?: boolean; round?: number; retired?: string }>;
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
    const folders = ["", "added", "round3"];
    expect(manifest.essays.map((e) => e.file).sort()).toEqual(folders.flatMap((d) => inFolder(d, ".md")).sort());
    expect(manifest.essays.map((e) => e.key).sort()).toEqual(folders.flatMap((d) => inFolder(d, ".key.json")).sort());
    expect(manifest.clean.map((c) => c.file).sort()).toEqual(["clean", "added/clean", "round3/clean"].flatMap((d) => inFolder(d, ".md")).sort());
  });

  it("holds out round three's files only; round one's held-out files (every second by file name) are retired to tuning", () => {
    // Essays added later (added/) are tuning material outside the split, never held out.
    expect(manifest.essays.filter((e) => e.added).every((e) => e.part === "tuning" && e.file.startsWith("added/"))).toBe(true);
    expect(manifest.clean.filter((c) => c.added).every((c) => c.part === "tuning" && c.file.startsWith("added/clean/"))).toBe(true);
    for (const list of [manifest.essays, manifest.clean]) {
      const isRound3 = (e: { file: string }) => e.file.startsWith("round3/");
      expect(list.filter((e) => e.part === "held-out").map((e) => e.file)).toEqual(list.filter(isRound3).map((e) => e.file));
      expect(list.filter(isRound3).every((e) => e.round === HELD_OUT_ROUND && !e.retired && !e.added)).toBe(true);
      const original = list.filter((e) => !e.added && !isRound3(e)).sort((a, b) => a.file.localeCompare(b.file));
      expect(original.every((e) => e.part === "tuning")).toBe(true);
      expect(original.map((e) => Boolean(e.retired))).toEqual(original.map((_, i) => i % 2 === 1));
    }
  });

  it("has round three's held-out part: 10+ essays of 380–500 words, 8–10 errors and 4–5 traps each, every kind, 2,500+ words of clean prose", () => {
    const round3 = corpus.essays.filter((e) => e.part === "held-out");
    expect(round3.length).toBeGreaterThanOrEqual(10);
    for (const essay of round3) {
      expect(essay.file).toContain(`${path.sep}round3${path.sep}`);
      expect(essay.words, essay.file).toBeGreaterThanOrEqual(380);
      expect(essay.words, essay.file).toBeLessThanOrEqual(500);
      expect(essay.errors.length, essay.file).toBeGreaterThanOrEqual(8);
      expect(essay.errors.length, essay.file).toBeLessThanOrEqual(10);
      expect(essay.traps.length, essay.file).toBeGreaterThanOrEqual(4);
      expect(essay.traps.length, essay.file).toBeLessThanOrEqual(5);
      expect(new Set(essay.errors.map((x) => x.kind)), essay.file).toEqual(new Set(HINT_KINDS));
    }
    const clean = corpus.clean.filter((c) => c.part === "held-out");
    expect(clean.length).toBeGreaterThanOrEqual(3);
    expect(clean.reduce((n, c) => n + c.words, 0)).toBeGreaterThanOrEqual(2500);
  });

  it("never opens a round-three file for a tuning run", () => {
    const tuning = loadCorpus(undefined, { parts: ["tuning"] });
    const files = [...tuning.essays, ...tuning.clean].map((t) => t.file);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.includes(`${path.sep}round3${path.sep}`))).toEqual([]);
    expect(describeHeldOut(tuning)).toBeNull();
    expect(describeHeldOut(corpus)).toMatch(new RegExp(`^Held-out column: round ${HELD_OUT_ROUND} only \\(\\d+ essays, [\\d,]+ words; \\d+ clean files, [\\d,]+ words\\)`));
  });

  it("has at least 14 essays of 300–600 words with 4–8 planted errors each, every kind in both parts", () => {
    const original = corpus.essays.filter((e) => !/[\\/](?:added|round3)[\\/]/.test(e.file));
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
