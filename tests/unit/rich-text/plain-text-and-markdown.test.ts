import { describe, expect, it } from "vitest";
import {
  parseRichText,
  plainTextOf,
  plainTextOfUnknown,
  richTextFromPlain,
  richTextToMarkdown,
  type TiptapDoc,
} from "@/lib/rich-text";
import { doc, link, nestedQuotes, para, richComment, text } from "./fixtures";

function valid(input: unknown): TiptapDoc {
  const result = parseRichText(input, { allowEmpty: true });
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

describe("plainTextOf", () => {
  it("flattens paragraphs, lists, quotes and breaks into lines", () => {
    expect(plainTextOf(valid(richComment))).toBe(
      [
        "The date 1848 is wrong.",
        "Hobsbawm says 1847",
        "See the archive",
        "nested point",
        "Quoted line one",
        "line two",
        "",
        "Mail me: teacher",
      ].join("\n"),
    );
  });

  it("round-trips with richTextFromPlain", () => {
    const plain = "First line\n\nThird line, after a blank one\n";
    expect(plainTextOf(richTextFromPlain(plain))).toBe(plain);
    expect(valid(richTextFromPlain("Line one\r\nLine two"))).toEqual(
      doc(para(text("Line one")), para(text("Line two"))),
    );
  });

  it("makes storable text from anything pasted", () => {
    const built = richTextFromPlain("nul\u0000 here \ud800 there");
    expect(plainTextOf(built)).toBe("nul here \uFFFD there");
    expect(parseRichText(built).ok).toBe(true);
  });

  it("extracts only text from invalid or hostile JSON, within bounds", () => {
    const hostile = doc(para(text("keep me")), { type: "html", html: "<script>x</script>", content: [text("and me")] });
    expect(plainTextOfUnknown(hostile)).toBe("keep me\nand me");
    expect(plainTextOfUnknown("<b>not a doc</b>")).toBe("");
    expect(plainTextOfUnknown(nestedQuotes(10_000))).toBe("deep");
  });
});

describe("richTextToMarkdown", () => {
  it("writes CommonMark for every allowed node and mark", () => {
    expect(richTextToMarkdown(valid(richComment))).toBe(
      [
        "The date **1848** is *wrong*.",
        "",
        "- Hobsbawm says 1847",
        "- *See* [**the archive**](<https://archive.org/details/x>)",
        "",
        "  - nested point",
        "",
        "> Quoted line one\\",
        "> line two",
        "",
        "Mail me: [teacher](<mailto:teacher@school.example>)",
        "",
      ].join("\n"),
    );
  });

  it("escapes Markdown typed by a student so it stays literal", () => {
    const md = richTextToMarkdown(
      valid(
        doc(
          para(text("# not a heading")),
          para(text("> not a quote")),
          para(text("- not a list")),
          para(text("1848. not an ordered list")),
          para(text("    not code")),
          para(text("*stars* _under_ `tick` [x](javascript:alert(1)) <script>alert(1)</script> a|b ~~s~~ &amp; \\")),
          para(text("===")),
        ),
      ),
    );
    expect(md).toBe(
      [
        "\\# not a heading",
        "\\> not a quote",
        "\\- not a list",
        "1848\\. not an ordered list",
        "&#32;&#32;&#32;&#32;not code",
        "\\*stars\\* \\_under\\_ \\`tick\\` \\[x\\](javascript:alert(1)) \\<script\\>alert(1)\\</script\\> a\\|b \\~\\~s\\~\\~ \\&amp; \\\\",
        "\\===",
      ].join("\n\n") + "\n",
    );
    expect(md).not.toMatch(/(^|[^\\])<script/);
  });

  it("keeps emphasis delimiters off surrounding spaces and merges equal runs", () => {
    const md = richTextToMarkdown(
      valid(doc(para(text("a"), text(" bold ", { type: "bold" }), text("b", { type: "bold" }), text("c")))),
    );
    expect(md).toBe("a **bold b**c\n");
  });

  it("never emits a link that fails the URL policy, even from an unvalidated doc", () => {
    const forged = doc(para(text("click", link("javascript:alert(1)")))) as unknown as TiptapDoc;
    expect(richTextToMarkdown(forged)).toBe("click\n");
  });

  it("drops empty paragraphs and returns an empty string for an empty doc", () => {
    expect(richTextToMarkdown(valid(doc(para())))).toBe("");
  });
});
