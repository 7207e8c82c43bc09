import { describe, expect, it } from "vitest";
import { anchorStatusNote, possessive, scopeLabel, toScope } from "@/lib/format/annotation-labels";
import { describeCharacterCount } from "@/lib/format/character-count";
import { buildEditPatch } from "@/lib/format/edit-patch";
import { trimEmptyEdgeParagraphs } from "@/lib/format/rich-text-doc";
import { checkLinkInput, LINK_INPUT_NOT_ALLOWED } from "@/lib/format/link-input";
import { formatTagInput, parseTagInput } from "@/lib/format/tags";
import { truncateText } from "@/lib/format/truncate-text";
import type { TiptapDoc } from "@/lib/rich-text";

const docOf = (...lines: string[]): TiptapDoc => ({
  type: "doc",
  content: lines.map((text) => (text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" })),
});

describe("truncateText", () => {
  it("leaves short text alone but collapses whitespace", () => {
    expect(truncateText("  The  treaty\nwas signed ", 140)).toBe("The treaty was signed");
  });

  it("cuts long text on a word boundary with an ellipsis", () => {
    const out = truncateText("word ".repeat(60), 140);
    expect(Array.from(out).length).toBeLessThanOrEqual(140);
    expect(out.endsWith("word…")).toBe(true);
  });

  it("never splits an emoji", () => {
    const out = truncateText("😀".repeat(200), 10);
    expect(out).toBe(`${"😀".repeat(9)}…`);
  });
});

describe("labels", () => {
  it("names scopes in words", () => {
    expect(scopeLabel("private")).toBe("Only me");
    expect(scopeLabel("class")).toBe("Class");
    expect(scopeLabel("teachers")).toBe("Me + teachers");
    expect(toScope("teachers")).toBe("teachers");
    expect(toScope("everyone")).toBeNull();
  });

  it("explains anchor problems", () => {
    expect(anchorStatusNote("anchored")).toBeNull();
    expect(anchorStatusNote("fuzzy")).toMatch(/^Possibly moved/);
    expect(anchorStatusNote("replaced", "in 1649")).toBe("The passage was changed. It now reads: “in 1649”");
    expect(anchorStatusNote("replaced")).toBe("The passage was changed.");
    expect(anchorStatusNote("orphan")).toBe("Could not be placed in the current text.");
  });

  it("tells a flag fixed in the source what the text reads now, never that the passage was changed", () => {
    const fixed = { isFixedInSource: true };
    expect(anchorStatusNote("replaced", "1955", fixed)).toBe("The source now reads: “1955”");
    expect(anchorStatusNote("replaced", "1955", fixed)).not.toMatch(/changed/);
    expect(anchorStatusNote("replaced", "", fixed)).toBeNull();
    expect(anchorStatusNote("replaced", "1955", { isFixedInSource: false })).toMatch(/^The passage was changed/);
  });

  it("builds possessives for button names", () => {
    expect(possessive("Ana Petrova", false)).toBe("Ana Petrova’s");
    expect(possessive("Ana Petrova", true)).toBe("your");
  });
});

describe("describeCharacterCount", () => {
  it("shows used / limit with thousands separators", () => {
    expect(describeCharacterCount(123, 5000)).toEqual({
      text: "123 / 5,000",
      spoken: "123 of 5,000 characters used.",
      isOver: false,
    });
    expect(describeCharacterCount(5000, 5000).isOver).toBe(false);
  });

  it("turns into an error past the limit", () => {
    const c = describeCharacterCount(5123, 5000);
    expect(c.isOver).toBe(true);
    expect(c.text).toBe("5,123 / 5,000 (123 too many)");
  });
});

describe("tags", () => {
  it("splits on commas, trims, lower-cases and dedupes", () => {
    expect(parseTagInput(" Dates, sources ,dates,, ")).toEqual({ ok: true, tags: ["dates", "sources"] });
    expect(parseTagInput("")).toEqual({ ok: true, tags: [] });
  });

  it("names the tag that breaks the rules", () => {
    const r = parseTagInput("dates, <b>");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Tag “<b>”: Tags may use letters/);
    expect(parseTagInput(Array.from({ length: 11 }, (_, i) => `t${i}`).join(",")).ok).toBe(false);
  });

  it("formats tags back for the field", () => {
    expect(formatTagInput(["dates", "sources"])).toBe("dates, sources");
  });
});

describe("trimEmptyEdgeParagraphs", () => {
  it("drops blank paragraphs at both ends only", () => {
    expect(trimEmptyEdgeParagraphs(docOf("", "a", "", "b", ""))).toEqual(docOf("a", "", "b"));
    expect(trimEmptyEdgeParagraphs(docOf("", ""))).toEqual({ type: "doc", content: [] });
  });
});

describe("buildEditPatch", () => {
  const annotation = { body: docOf("hello"), tags: ["dates"], scope: "class" as const };

  it("keeps only what changed", () => {
    expect(buildEditPatch(annotation, docOf("hello"), "dates", "class")).toEqual({ ok: true, patch: {}, isEmpty: true });
    expect(buildEditPatch(annotation, docOf("bye"), "Dates", "private")).toEqual({
      ok: true,
      patch: { body: docOf("bye"), scope: "private" },
      isEmpty: false,
    });
  });

  it("does not give a bare highlight an empty body", () => {
    const highlight = { body: null, tags: [], scope: "private" as const };
    expect(buildEditPatch(highlight, docOf(""), "causes", "private")).toEqual({
      ok: true,
      patch: { tags: ["causes"] },
      isEmpty: false,
    });
  });

  it("reports bad tags", () => {
    const r = buildEditPatch(annotation, docOf("hello"), "ok, !!", "class");
    expect(r.ok).toBe(false);
  });
});

describe("checkLinkInput", () => {
  it("treats a blank field as removing the link", () => {
    expect(checkLinkInput("   ")).toEqual({ ok: true, href: null });
  });

  it("accepts and normalises allowed addresses", () => {
    expect(checkLinkInput(" https://Example.org/a ")).toEqual({ ok: true, href: "https://example.org/a" });
    expect(checkLinkInput("mailto:teacher@school.org")).toEqual({ ok: true, href: "mailto:teacher@school.org" });
  });

  it("refuses other schemes with a clear message", () => {
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://x.org", "https://a.org@evil.example", "java\tscript:x"]) {
      const r = checkLinkInput(bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(checkLinkInput("javascript:alert(1)")).toEqual({ ok: false, message: LINK_INPUT_NOT_ALLOWED });
  });

  it("hints at the missing scheme", () => {
    const web = checkLinkInput("www.bbc.co.uk/history");
    expect(web.ok === false && web.message).toMatch(/https:\/\/www\.bbc\.co\.uk\/history/);
    const mail = checkLinkInput("teacher@school.org");
    expect(mail.ok === false && mail.message).toMatch(/mailto:teacher@school\.org/);
  });
});
