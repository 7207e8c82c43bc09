import { describe, expect, it } from "vitest";
import { anchor, createTextIndex, describe as describeSpan, reanchorAll } from "@/lib/anchoring";
import type { ReanchorResult, TextSelector } from "@/lib/anchoring";
import { destalinization, edit, emojiNote, generateEssay, select } from "./fixtures";

/** Re-anchors one annotation on `phrase` (n-th occurrence) from the fixture essay to `revised`. */
function carry(revised: string, phrase: string, occurrence = 0, old = destalinization): ReanchorResult {
  const [result] = reanchorAll(old, revised, [{ id: phrase, selectors: select(old, phrase, occurrence) }]);
  return result;
}

/** Where a placed result now sits, as text. */
function placedText(revised: string, r: ReanchorResult): string {
  if (r.status === "replaced" || r.status === "orphan") throw new Error(`not placed: ${r.status}`);
  return revised.slice(r.anchored.start, r.anchored.end);
}

describe("reanchorAll() follows the diff", () => {
  const phrase = "the central committee";

  it("shifts a quote past words inserted before it, with fresh context", () => {
    const revised = edit(destalinization, "In 1995 the", "In 1995, after long debate, the");
    const r = carry(revised, phrase);
    expect(r.status).toBe("unchanged");
    expect(placedText(revised, r)).toBe(phrase);
    if (r.status !== "unchanged") return;
    expect(r.selectors.quote.prefix).toContain("after long debate, ");
    expect(r.selectors.position.start).toBe(revised.indexOf(phrase));
  });

  it("writes fresh positions in code points when emoji precede the quote", () => {
    const revised = "🇷🇺 " + emojiNote; // a flag is two astral characters
    const r = carry(revised, "Secret Speech", 0, emojiNote);
    expect(r.status).toBe("unchanged");
    if (r.status !== "unchanged") return;
    const { start, end } = r.selectors.position;
    expect([...revised].slice(start, end).join("")).toBe("Secret Speech");
    expect(r.anchored.start - start).toBe(4); // 🇷🇺📜🚩: one extra UTF-16 unit each
  });

  it("keeps a quote when words are added right after it", () => {
    const revised = edit(destalinization, "committee set up", "committee quietly set up");
    const r = carry(revised, phrase);
    expect(r.status).toBe("unchanged");
    expect(placedText(revised, r)).toBe(phrase);
  });

  it("reports words inserted inside a quote as a change to the quote, not a placement", () => {
    const revised = edit(destalinization, "central committee", "central party committee");
    expect(carry(revised, phrase)).toMatchObject({
      status: "replaced",
      oldExact: phrase,
      newExact: "the central party committee",
    });
  });

  it("reports a corrected date as replaced, never sliding onto another 1995", () => {
    const revised = edit(destalinization, "In 1995 the central committee", "In 1955 the central committee");
    expect(revised).toContain("1995"); // the later, still wrong "1995" is bait
    const r = carry(revised, "1995");
    expect(r).toMatchObject({ status: "replaced", oldExact: "1995", newExact: "1955" });
    if (r.status === "replaced") expect(revised.slice(r.span.start, r.span.end)).toBe("1955");
    // The words around the date are untouched.
    expect(carry(revised, phrase).status).toBe("unchanged");
  });

  it("shows an error flag's correction, e.g. for a \"fixed in the source\" badge", () => {
    const revised = edit(destalinization, "Desalinization", "De-Stalinization");
    const r = carry(revised, "Desalinization");
    expect(r).toMatchObject({ status: "replaced", newExact: "De-Stalinization" });
  });

  it("orphans a quote whose passage was deleted", () => {
    const sentence =
      "In 1995 the central committee set up a commission that intended to investigate Stalin’s crimes. ";
    const revised = edit(destalinization, sentence, "");
    expect(carry(revised, phrase).status).toBe("orphan");
    expect(carry(revised, "1995").status).toBe("orphan");
  });

  it("does not move a deleted quote onto an occurrence both revisions share", () => {
    const sentence = "However, the commission was extremely limited in what it could condemn.";
    const revised = edit(destalinization, sentence, "");
    expect(revised).toContain("the commission");
    expect(anchor(revised, select(destalinization, "the commission", 0))?.method).toBe("quote"); // anchor() alone would
    expect(carry(revised, "the commission", 0).status).toBe("orphan");
  });
});

describe("reanchorAll() searches where the diff cannot follow", () => {
  const lines = destalinization.split("\n");
  const moved = [lines[0], lines[2], lines[3], lines[1]].join("\n");

  it("finds a moved paragraph's quote by exact match: moved", () => {
    const r = carry(moved, "prisoners were released from labour camps");
    expect(r.status).toBe("moved");
    expect(placedText(moved, r)).toBe("prisoners were released from labour camps");
  });

  it("finds a moved and retouched quote only approximately: fuzzy", () => {
    const retouched = edit(moved, "labour camps", "labor camps");
    const r = carry(retouched, "prisoners were released from labour camps");
    expect(r.status).toBe("fuzzy");
    expect(placedText(retouched, r)).toBe("prisoners were released from labor camps");
    if (r.status === "fuzzy") expect(r.anchored.score).toBeLessThan(1);
  });

  it("leaves the paragraphs that stayed put unchanged", () => {
    expect(carry(moved, "the central committee").status).toBe("unchanged");
  });

  it("anchors selectors that no longer fit the old revision directly on the new one", () => {
    const stale: TextSelector[] = [
      { type: "TextQuoteSelector", exact: "a more major action", prefix: "buy time for " },
      { type: "TextPositionSelector", start: 0, end: 3 },
    ];
    const [r] = reanchorAll("Unrelated older text.", destalinization, [{ id: "x", selectors: stale }]);
    expect(r.status).toBe("moved");
  });
});

describe("reanchorAll() in bulk", () => {
  it("returns one result per item, in order, with unchanged ones placed exactly", () => {
    const old = generateEssay(200_000, 9);
    const revised = old.replace(/ Stalin /g, " Stalin, the General Secretary, ");
    const index = createTextIndex(old);
    const items = Array.from({ length: 2_000 }, (_, i) => {
      const start = old.indexOf(" ", Math.floor((i * (old.length - 100)) / 2_000)) + 1;
      const { quote, position } = describeSpan(old, start, start + 30, { index });
      return { id: `a${i}`, selectors: [quote, position] };
    });
    const results = reanchorAll(old, revised, items);
    expect(results.map((r) => r.id)).toEqual(items.map((i) => i.id));
    const counts = new Map<string, number>();
    for (const [i, r] of results.entries()) {
      counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      if (r.status === "unchanged") expect(placedText(revised, r)).toBe(old.slice(...spanOf(items[i].selectors)));
    }
    expect(counts.get("unchanged")).toBeGreaterThan(1_500);
    expect(counts.get("orphan") ?? 0).toBe(0);
  });

  it("handles an empty list", () => {
    expect(reanchorAll(destalinization, destalinization, [])).toEqual([]);
  });
});

function spanOf(selectors: TextSelector[]): [number, number] {
  const p = selectors.find((s) => s.type === "TextPositionSelector");
  if (!p || p.type !== "TextPositionSelector") throw new Error("no position");
  return [p.start, p.end]; // generated essays have no astral characters
}
