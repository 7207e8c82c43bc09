import { describe, expect, it } from "vitest";
import { diffTexts, mapSpan } from "@/lib/anchoring";
import type { OffsetMap } from "@/lib/anchoring";
import { destalinization, edit, generateEssay, seededRandom } from "./fixtures";

/** A map is right when the equal text between hunks is identical in both revisions. */
function expectFaithful(oldText: string, newText: string, map: OffsetMap) {
  let o = 0;
  let n = 0;
  for (const h of map.hunks) {
    expect(h.oldStart).toBeGreaterThanOrEqual(o);
    expect(h.oldEnd - h.oldStart + (h.newEnd - h.newStart)).toBeGreaterThan(0);
    if (o > 0) expect(h.oldStart).toBeGreaterThan(o); // touching hunks are merged
    expect(newText.slice(n, h.newStart)).toBe(oldText.slice(o, h.oldStart));
    o = h.oldEnd;
    n = h.newEnd;
  }
  expect(newText.slice(n)).toBe(oldText.slice(o));
}

const changedChars = (map: OffsetMap) =>
  map.hunks.reduce((sum, h) => sum + (h.oldEnd - h.oldStart) + (h.newEnd - h.newStart), 0);

describe("diffTexts()", () => {
  it("finds nothing to do between identical revisions", () => {
    expect(diffTexts(destalinization, destalinization).hunks).toEqual([]);
  });

  it("narrows a corrected date to the digit that changed", () => {
    const revised = edit(destalinization, "In 1995", "In 1955");
    const map = diffTexts(destalinization, revised);
    const at = destalinization.indexOf("1995") + 2;
    expect(map.hunks).toEqual([{ oldStart: at, oldEnd: at + 1, newStart: at, newEnd: at + 1 }]);
  });

  it("puts a deleted sentence on its own words even when its neighbour starts alike", () => {
    const old = "Prisoners were released.\nIn 1995 the committee met. In 1995 too.";
    const revised = "Prisoners were released.\nIn 1995 too.";
    const map = diffTexts(old, revised);
    expectFaithful(old, revised, map);
    const [h] = map.hunks;
    expect(old.slice(h.oldStart, h.oldEnd)).toBe("In 1995 the committee met. ");
  });

  it("never splits an emoji between hunks", () => {
    const map = diffTexts("Flag: 😀 wrong date", "Flag: 😃 wrong date");
    expectFaithful("Flag: 😀 wrong date", "Flag: 😃 wrong date", map);
    expect(map.hunks).toEqual([{ oldStart: 6, oldEnd: 8, newStart: 6, newEnd: 8 }]);
  });

  it("carries a 200 KB essay through 50 scattered edits word by word", () => {
    const old = generateEssay(200_000, 3);
    const random = seededRandom(11);
    const spots = new Set<number>();
    while (spots.size < 50) {
      const at = old.indexOf(" ", Math.floor(random() * old.length));
      if (at > 0) spots.add(at + 1); // the start of a word
    }
    let revised = old;
    let edited = 0;
    for (const at of [...spots].sort((a, b) => b - a)) {
      const word = /^\S+/.exec(old.slice(at))![0];
      const kind = Math.floor(random() * 3);
      const replacement = kind === 0 ? "Brezhnev" : kind === 1 ? `secretly ${word}` : "";
      revised = revised.slice(0, at) + replacement + revised.slice(at + word.length);
      edited += word.length + replacement.length;
    }

    const map = diffTexts(old, revised);
    expectFaithful(old, revised, map);
    // Word-level hunks: no bigger than the edits themselves, and every edit shows up.
    expect(changedChars(map)).toBeLessThanOrEqual(edited);
    expect(map.hunks.length).toBeGreaterThan(0);
    expect(map.hunks.length).toBeLessThanOrEqual(50);
    for (const at of spots) {
      expect(map.hunks.some((h) => h.oldStart <= at + 20 && h.oldEnd >= at - 20)).toBe(true);
    }
  });

  it("stays faithful on many small random edits around emoji and repeats", () => {
    const random = seededRandom(42);
    const pieces = ["the ", "1995", " ", "\n", "committee", "😀", ".", "a"];
    const words = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(random() * pieces.length)]).join("");
    for (let round = 0; round < 1_000; round++) {
      const old = words(Math.floor(random() * 25));
      const cut = Math.floor(random() * (old.length + 1));
      const safeCut = old.charCodeAt(cut - 1) >= 0xd800 && old.charCodeAt(cut - 1) <= 0xdbff ? cut - 1 : cut;
      const skip = old.slice(safeCut).startsWith("😀") ? 2 : Math.min(1, old.length - safeCut);
      const revised = old.slice(0, safeCut) + words(Math.floor(random() * 3)) + old.slice(safeCut + skip);
      const map = diffTexts(old, revised);
      expectFaithful(old, revised, map);
      for (const h of map.hunks) expect(/^[\udc00-\udfff]/.test(old.slice(h.oldStart))).toBe(false);
    }
  });

  it("degrades to a coarse but faithful map when a text is rewritten wholesale", () => {
    const old = generateEssay(30_000, 5);
    const rewritten = generateEssay(30_000, 6);
    expectFaithful(old, rewritten, diffTexts(old, rewritten));
  });
});

describe("mapSpan()", () => {
  const phrase = "the central committee";
  const span = { start: destalinization.indexOf(phrase), end: destalinization.indexOf(phrase) + phrase.length };
  const carry = (revised: string) => {
    const mapped = mapSpan(diffTexts(destalinization, revised), span);
    return { ...mapped, text: revised.slice(mapped.start, mapped.end) };
  };

  it("shifts a span past an insertion before it, untouched", () => {
    const got = carry(edit(destalinization, "In 1995 the", "In 1995, after long debate, the"));
    expect(got).toMatchObject({ text: phrase, touched: false, deleted: false });
  });

  it("leaves a span alone when words are added right after it", () => {
    expect(carry(edit(destalinization, "committee set up", "committee quietly set up"))).toMatchObject({
      text: phrase,
      touched: false,
    });
  });

  it("marks a span touched when words are added inside it, covering them", () => {
    const got = carry(edit(destalinization, "central committee", "central party committee"));
    expect(got).toMatchObject({ text: "the central party committee", touched: true, deleted: false });
  });

  it("marks a span deleted when none of its text survives", () => {
    const got = carry(edit(destalinization, "In 1995 the central committee set up", "In 1995 someone set up"));
    expect(got.touched).toBe(true);
    expect(got.text).toBe("someone");
    const gone = carry(edit(destalinization, "the central committee set up a commission", "a commission"));
    expect(gone).toMatchObject({ deleted: true, text: "" });
  });
});
