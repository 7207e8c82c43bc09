import { describe, expect, it } from "vitest";
import { displayNameSchema } from "@/lib/validation/display-name";

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
