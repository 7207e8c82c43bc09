import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, parseEssay } from "@/lib/content";
import { findSeedFile, suiteTitle } from "../../helpers/conformance";

const SEED_MD = path.resolve(__dirname, "../../../content/destalinization-origins.md");
const seedSource = readFileSync(SEED_MD, "utf8");

const FRONT = [
  "---",
  'title: "A test essay"',
  "author: Someone",
  "source: Typed for the test",
  "retrieved: 2026-01-02",
  "notes: Written for the parser tests.",
  "---",
  "",
].join("\n");

function reasonFor(fileName: string, source: string | Uint8Array): string {
  try {
    parseEssay(fileName, source);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).file).toBe(fileName);
    return (error as ContentError).reason;
  }
  throw new Error("expected the file to be refused");
}

describe("parseEssay on the seed essay", () => {
  const essay = parseEssay("destalinization-origins.md", seedSource);

  it("reads the provenance front matter", () => {
    expect(essay.slug).toBe("destalinization-origins");
    expect(essay.meta.title).toBe("DeStalinization, The Origins.");
    expect(essay.meta.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(essay.meta.notes).toContain("000_528ec5eea072e5b8.txt");
    expect(essay.meta.sourceUrl).toBeUndefined();
  });

  it("keeps the errors and the page chrome the students must find", () => {
    for (const words of [
      "In 1995 the central committee",
      "Desalinization was an extremely sensitive issue",
      "effectively instigated Desalinization in the Soviet Union",
      "the Twentieth Part Congress",
      "change the coarse of the development of the ...",
      "Authors Avatar",
      "Join now!",
      "This is a preview of the whole essay",
    ]) {
      expect(essay.text).toContain(words);
    }
  });

  it("structures it as title, headings and bullets", () => {
    const headings = essay.blocks.filter((b) => b.type === "heading").map((b) => [b.level, essay.text.slice(b.start, b.end)]);
    expect(headings).toEqual([
      [1, "DeStalinization, The Origins."],
      [2, "DeStalinization"],
      [3, "The Origins"],
      [2, "Why did Khrushchev do it?"],
    ]);
    expect(essay.blocks.filter((b) => b.type === "listItem")).toHaveLength(11);
  });

  it("gives block offsets that slice exactly the block's words, in order, without gaps but the separator", () => {
    let previousEnd = -1;
    for (const block of essay.blocks) {
      const words = essay.text.slice(block.start, block.end);
      expect(words).toBe(words.trim());
      expect(words.length).toBeGreaterThan(0);
      expect(words).not.toContain("\n");
      if (previousEnd >= 0) expect(essay.text.slice(previousEnd, block.start)).toBe("\n");
      previousEnd = block.end;
    }
    expect(previousEnd).toBe(essay.text.length);
  });

  it("gives the same text, offsets and hash when parsed twice", () => {
    const again = parseEssay("destalinization-origins.md", Buffer.from(seedSource, "utf8"));
    expect(again).toEqual(essay);
  });

  it("changes the hash when a word changes", () => {
    const edited = parseEssay("destalinization-origins.md", seedSource.replace("In 1995", "In 1955"));
    expect(edited.contentHash).not.toBe(essay.contentHash);
    expect(edited.text.length).toBe(essay.text.length);
  });
});

const seedFile = findSeedFile();
describe.skipIf(!seedFile)(suiteTitle("the seed file, word for word"), () => {
  it("has every word of ../shared/seed in the same order, and nothing else", () => {
    const words = (s: string) => s.split(/\s+/).filter((w) => w.length > 0 && w !== "•");
    const seed = readFileSync(seedFile!, "utf8");
    expect(words(parseEssay("destalinization-origins.md", seedSource).text)).toEqual(words(seed));
  });
});

describe("parseEssay refuses malformed files with the file name and a reason", () => {
  it("no front matter", () => {
    expect(reasonFor("plain.md", "# Just text\n\nNo metadata.")).toMatch(/no front matter/);
  });

  it("front matter that is not YAML", () => {
    expect(reasonFor("bad-yaml.md", "---\ntitle: [unclosed\n---\n\nText.")).toMatch(/not valid YAML/);
  });

  it("a missing required field", () => {
    const noTitle = FRONT.replace('title: "A test essay"\n', "");
    expect(reasonFor("no-title.md", `${noTitle}Some text.`)).toMatch(/"title"/);
  });

  it("an undated retrieval", () => {
    expect(reasonFor("bad-date.md", FRONT.replace("2026-01-02", "last Tuesday") + "Text.")).toMatch(/YYYY-MM-DD/);
  });

  it("a non-http source address", () => {
    const front = FRONT.replace("notes:", "sourceUrl: javascript:alert(1)\nnotes:");
    expect(reasonFor("bad-url.md", `${front}Text.`)).toMatch(/sourceUrl/);
  });

  it("an empty body", () => {
    expect(reasonFor("empty.md", `${FRONT}\n   \n`)).toMatch(/no essay text/);
  });

  it("binary and non-UTF-8 files", () => {
    expect(reasonFor("binary.md", new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0xfe]))).toMatch(/not UTF-8|binary/);
    expect(reasonFor("nul.md", `${FRONT}Text with a \u0000 byte.`)).toMatch(/binary/);
  });

  it("a file larger than the limit", () => {
    expect(reasonFor("huge.md", FRONT + "word ".repeat(250_000))).toMatch(/larger than/);
  });

  it("a file name that cannot be a web address", () => {
    expect(reasonFor("My Essay.md", `${FRONT}Text.`)).toMatch(/file name/);
  });
});

describe("parseEssay block syntax", () => {
  it("joins wrapped lines, reads quotes and keeps inline symbols literally", () => {
    const essay = parseEssay(
      "syntax.md",
      `${FRONT}## A heading ##\n\nFirst line\nwrapped line with *stars* and _underscores_.\n\n> A quoted\n> source.\n\n* bullet one\n+ bullet two\n  continued`,
    );
    expect(essay.blocks.map((b) => [b.type, essay.text.slice(b.start, b.end)])).toEqual([
      ["heading", "A heading"],
      ["paragraph", "First line wrapped line with *stars* and _underscores_."],
      ["quote", "A quoted source."],
      ["listItem", "bullet one"],
      ["listItem", "bullet two continued"],
    ]);
  });

  it("counts offsets in UTF-16 code units, so emoji and accents slice correctly", () => {
    const essay = parseEssay("unicode.md", `${FRONT}Émigrés 🎖️ wrote\n\nשלום and Nguyễn`);
    const [first, second] = essay.blocks;
    expect(essay.text.slice(first.start, first.end)).toBe("Émigrés 🎖️ wrote");
    expect(essay.text.slice(second.start, second.end)).toBe("שלום and Nguyễn");
  });
});
