import { describe, expect, it } from "vitest";
import {
  codePointToUtf16,
  createTextIndex,
  describe as describeSpan,
  indexToCodePoint,
  indexToUtf16,
  utf16ToCodePoint,
} from "@/lib/anchoring";
import { destalinization, emojiNote } from "./fixtures";

describe("code points and UTF-16 offsets", () => {
  const start = emojiNote.indexOf("Khrushchev");
  const astralBefore = 2; // 📜 and 🚩 each take two UTF-16 units

  it("counts each emoji before a span as one code point but two UTF-16 units", () => {
    expect(utf16ToCodePoint(emojiNote, start)).toBe(start - astralBefore);
    expect(codePointToUtf16(emojiNote, start - astralBefore)).toBe(start);
  });

  it("gives the same answers through a prebuilt index as by walking the text", () => {
    const index = createTextIndex(emojiNote);
    for (let i = 0; i <= emojiNote.length; i++) {
      expect(indexToCodePoint(index, i)).toBe(utf16ToCodePoint(emojiNote, i));
    }
    for (let cp = 0; cp <= index.cpLength; cp++) {
      expect(indexToUtf16(index, cp)).toBe(codePointToUtf16(emojiNote, cp));
    }
    expect(index.cpLength).toBe([...emojiNote].length);
  });

  it("maps an offset between the halves of an emoji to that emoji's code point", () => {
    expect(utf16ToCodePoint(emojiNote, 1)).toBe(0);
    expect(indexToCodePoint(createTextIndex(emojiNote), 1)).toBe(0);
  });

  it("takes the identity fast path when a text has no astral characters", () => {
    const index = createTextIndex(destalinization);
    expect(index.pairs).toHaveLength(0);
    expect(indexToUtf16(index, 100)).toBe(100);
    expect(indexToCodePoint(index, 100)).toBe(100);
  });

  it("clamps offsets outside the text to its bounds", () => {
    const index = createTextIndex(emojiNote);
    expect(indexToUtf16(index, index.cpLength + 10)).toBe(emojiNote.length);
    expect(indexToCodePoint(index, -3)).toBe(0);
    expect(codePointToUtf16(emojiNote, 10_000)).toBe(emojiNote.length);
  });
});

describe("describe()", () => {
  it("writes the position in code points and the quote from UTF-16 offsets", () => {
    const start = emojiNote.indexOf("Secret Speech");
    const { quote, position } = describeSpan(emojiNote, start, start + "Secret Speech".length);
    expect(quote.exact).toBe("Secret Speech");
    expect(position).toEqual({ type: "TextPositionSelector", start: start - 2, end: start - 2 + 13 });
    expect([...emojiNote].slice(position.start, position.end).join("")).toBe("Secret Speech");
  });

  it("keeps about 32 characters of context, clipped at the text's ends", () => {
    const start = destalinization.indexOf("central committee");
    const { quote } = describeSpan(destalinization, start, start + 17);
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
    const atStart = describeSpan(destalinization, 0, 5).quote;
    expect(atStart.prefix).toBe("");
  });

  it("never cuts an emoji in half at the edge of the context", () => {
    // The 32nd unit before the quote is the second half of 🚩.
    const text = "🚩" + "x".repeat(31) + "QUOTE" + "y".repeat(31) + "🚩";
    const { quote } = describeSpan(text, 33, 38);
    expect(quote.exact).toBe("QUOTE");
    expect(quote.prefix).toBe("x".repeat(31));
    expect(quote.suffix).toBe("y".repeat(31));
    // When the window starts on the emoji's first half, the emoji is kept whole.
    expect(describeSpan(text, 32, 38).quote.prefix).toBe("🚩" + "x".repeat(30));
  });

  it("refuses a span outside the text", () => {
    expect(() => describeSpan("short", 2, 9)).toThrow(RangeError);
    expect(() => describeSpan("short", 3, 2)).toThrow(RangeError);
  });
});
