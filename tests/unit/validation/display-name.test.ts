import { describe, expect, it } from "vitest";
import { cleanDisplayName, displayNameProblem, displayNameSchema } from "@/lib/validation/display-name";

const parse = (name: string) => {
  const r = displayNameSchema.safeParse(name);
  return r.success ? { ok: r.data } : { refused: r.error.issues[0].message };
};

describe("display names", () => {
  it("refuses the impostor from the issue: a zero-width space and a right-to-left override", () => {
    expect(parse("Ms. Okafor\u200B\u202E")).toEqual({ refused: expect.stringContaining("text-direction controls (U+202E)") });
    expect(parse("Ms. Okafor\u200B")).toEqual({ refused: expect.stringContaining("invisible characters (U+200B)") });
  });

  it("refuses every direction control by name", () => {
    const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];
    for (const c of controls) expect(parse(`Sam${c}Lee`), c.codePointAt(0)!.toString(16)).toEqual({ refused: expect.stringContaining("text-direction") });
  });

  it("refuses invisible characters: zero-width ones, word joiner, BOM, soft hyphen, Hangul filler, tag characters", () => {
    const hidden = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u3164", "\u{E0041}", "\u180E"];
    for (const c of hidden) expect(parse(`Sam${c}Lee`), c.codePointAt(0)!.toString(16)).toEqual({ refused: expect.stringContaining("invisible") });
  });

  it("refuses C0 and C1 control characters", () => {
    expect(parse("Sam\tLee")).toEqual({ refused: "A name cannot contain control characters." });
    expect(parse("Sam\u0085Lee")).toEqual({ refused: "A name cannot contain control characters." });
  });

  it("stores NFC: an accent typed as a combining mark becomes the same text as the precomposed letter", () => {
    const decomposed = "Rene\u0301 Lefe\u0300vre";
    expect(parse(`  ${decomposed} `)).toEqual({ ok: "Ren\u00e9 Lef\u00e8vre" });
    expect(parse(decomposed)).toEqual(parse("Ren\u00e9 Lef\u00e8vre"));
  });

  it("keeps real names in any script, and emoji with their variation selector", () => {
    for (const name of ["أحمد الخطيب", "שרה כהן", "Nguyễn Thị Minh", "李小龍", "Sam ❤️", "Zoë O'Brien-Smith"]) {
      expect(parse(name)).toEqual({ ok: name.normalize("NFC") });
    }
  });
});

describe("cleanDisplayName, for names in imported files", () => {
  it("takes out exactly what the rule refuses, so the impostor reads as the plain name and passes the rule", () => {
    const impostor = "Ms. Okafor\u200B\u202E";
    expect(cleanDisplayName(impostor)).toBe("Ms. Okafor");
    for (const c of ["\u202A", "\u2066", "\u200E", "\u061C", "\u200B", "\u00AD", "\u3164", "\u{E0041}", "\t", "\u0085"]) {
      const cleaned = cleanDisplayName(`Sam${c}Lee`);
      expect(displayNameProblem(cleaned), c.codePointAt(0)!.toString(16)).toBeNull();
      expect(cleaned).toMatch(/^Sam ?Lee$/);
    }
  });

  it("leaves real names in any script alone, NFC-normalised", () => {
    for (const name of ["أحمد الخطيب", "Nguyễn Thị Minh", "Sam ❤️", "Rene\u0301"]) expect(cleanDisplayName(name)).toBe(name.normalize("NFC"));
  });
});
