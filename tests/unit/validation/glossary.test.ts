import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEssay } from "@/lib/content";
import { glossarySchema, isEmptyGlossary, readStoredGlossary } from "@/lib/validation/glossary";

const file = (front: string) => `---\ntitle: T\nauthor: A\nsource: S\nretrieved: 2024-01-01\nnotes: N\n${front}---\n\nThe text.\n`;

describe("the glossary schema", () => {
  it("reads ranges written as one string and single spans of office as a list", () => {
    const parsed = glossarySchema.parse({ period: "1917–1964", people: [{ name: "Joseph Stalin", born: 1878, died: 1953, office: "1924-1953" }] });
    expect(parsed).toEqual({
      period: { start: 1917, end: 1964 },
      terms: [],
      people: [{ name: "Joseph Stalin", born: 1878, died: 1953, office: [{ start: 1924, end: 1953 }] }],
    });
  });

  it.each([
    [{ period: { start: 1964, end: 1917 } }, "A period must start before it ends."],
    [{ people: [{ name: "X", born: 1900, died: 1850 }] }, "A person cannot die before being born."],
    [{ terms: [" "] }, "A term cannot be empty."],
    [{ people: [{ name: "X", died: 1953.5 }] }, "A year must be a whole number."],
  ])("refuses %j with a sentence", (value, message) => {
    const result = glossarySchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
  });

  it("treats an empty glossary, a missing one and an invalid stored one as none", () => {
    expect(isEmptyGlossary(glossarySchema.parse({}))).toBe(true);
    expect(readStoredGlossary(null)).toBeNull();
    expect(readStoredGlossary({ period: "not a period" })).toBeNull();
    expect(readStoredGlossary({ terms: ["Presidium"] })).toEqual({ terms: ["Presidium"], people: [] });
  });
});

describe("a glossary in a content file's front matter", () => {
  it("is read into the meta, optional, and never changes the text or its hash", () => {
    const without = parseEssay("a.md", file(""));
    const withOne = parseEssay("a.md", file("glossary:\n  period: 1917–1964\n  terms: [Presidium]\n"));
    expect(without.meta.glossary).toBeUndefined();
    expect(withOne.meta.glossary).toEqual({ period: { start: 1917, end: 1964 }, terms: ["Presidium"], people: [] });
    expect(withOne.contentHash).toBe(without.contentHash);
  });

  it("refuses a bad glossary with the field it is about", () => {
    expect(() => parseEssay("a.md", file("glossary:\n  period: 1964–1917\n"))).toThrow(/glossary\.period|must start before it ends/);
  });

  it("gives the seed essay a glossary whose people and period the hints use", () => {
    const seed = parseEssay("destalinization-origins.md", readFileSync(path.resolve(__dirname, "../../../content/destalinization-origins.md"), "utf8"));
    expect(seed.meta.glossary?.period).toEqual({ start: 1924, end: 1964 });
    expect(seed.meta.glossary?.people.map((p) => p.name)).toContain("Joseph Stalin");
  });
});
