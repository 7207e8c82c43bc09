import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS, MAX_DEPTH, MAX_NODES, parseRichText } from "@/lib/rich-text";
import { doc, docWithLink, nestedQuotes, para, richComment, text } from "./fixtures";

function messageOf(input: unknown): string {
  const result = parseRichText(input);
  if (result.ok) throw new Error("expected the document to be rejected");
  return result.message;
}

describe("parseRichText accepts what the editor produces", () => {
  it("accepts a comment using every allowed node and mark", () => {
    expect(parseRichText(richComment).ok).toBe(true);
  });

  it("accepts JSON normalised by Tiptap's own StarterKit schema", () => {
    const tiptap = getSchema([StarterKit]);
    const editorJson = tiptap.nodeFromJSON(richComment).toJSON();
    expect(parseRichText(editorJson).ok).toBe(true);
  });

  it("returns documents Tiptap itself accepts, with link extras dropped", () => {
    const result = parseRichText(docWithLink("HTTPS://Example.ORG/a b"));
    expect(result.ok).toBe(false); // a raw space is never repaired
    const ok = parseRichText(docWithLink("HTTPS://Example.ORG/path?q=1"));
    if (!ok.ok) throw new Error(ok.message);
    const mark = (ok.doc.content[0] as { content: { marks: unknown[] }[] }).content[0].marks[0];
    expect(mark).toEqual({ type: "link", attrs: { href: "https://example.org/path?q=1" } });
    expect(() => getSchema([StarterKit]).nodeFromJSON(ok.doc).check()).not.toThrow();
    // Normalising twice changes nothing, so stored docs re-validate as they are.
    expect(parseRichText(ok.doc)).toEqual(ok);
  });

  it("accepts exactly the limits", () => {
    expect(parseRichText(doc(para(text("a".repeat(MAX_BODY_CHARS))))).ok).toBe(true);
    expect(parseRichText(nestedQuotes(MAX_DEPTH - 3)).ok).toBe(true); // doc › quotes › p › text
    // doc + n × (paragraph + text) nodes: 499 paragraphs make 999 nodes.
    const paragraphs = (n: number) => doc(...Array.from({ length: n }, () => para(text("x"))));
    expect(parseRichText(paragraphs((MAX_NODES - 1) / 2 - 0.5)).ok).toBe(true);
    expect(parseRichText(paragraphs(500)).ok).toBe(false);
    expect(parseRichText(nestedQuotes(MAX_DEPTH - 2)).ok).toBe(false);
  });

  it("counts an emoji as one character", () => {
    const emoji = "😀".repeat(MAX_BODY_CHARS);
    expect(parseRichText(doc(para(text(emoji)))).ok).toBe(true);
  });

  it("allows an empty document only when asked to", () => {
    expect(messageOf(doc(para()))).toBe("Your comment is empty. Write something before posting.");
    expect(messageOf(doc(para(text("   "))))).toMatch(/empty/);
    expect(parseRichText(doc(para()), { allowEmpty: true }).ok).toBe(true);
    expect(parseRichText(doc(), { noun: "reply" })).toMatchObject({ ok: false, message: expect.stringMatching(/^Your reply is empty/) });
  });
});

describe("parseRichText rejects anything off the whitelist with a sentence", () => {
  it("rejects a 5,001-character comment and says how long it is", () => {
    expect(messageOf(doc(para(text("a".repeat(5001)))))).toBe(
      "Your comment is 5,001 characters long; the limit is 5,000.",
    );
    expect(messageOf(doc(para(text("a".repeat(3000))), para(text("b".repeat(2230))))))
      .toBe("Your comment is 5,230 characters long; the limit is 5,000.");
  });

  it("rejects an unknown node type, naming it", () => {
    const msg = messageOf(doc(para(text("hi")), { type: "html", content: "<script>alert(1)</script>" }));
    expect(msg).toMatch(/isn't allowed \("html"\)/);
    expect(messageOf(doc({ type: "heading", attrs: { level: 1 }, content: [text("x")] }))).toMatch(/"heading"/);
    expect(messageOf(doc({ type: "image", attrs: { src: "x" } }))).toMatch(/"image"/);
  });

  it("rejects an unknown mark", () => {
    expect(messageOf(doc(para(text("x", { type: "underline" }))))).toMatch(/formatting "underline" isn't allowed/);
    expect(messageOf(doc(para(text("x", { type: "code" }))))).toMatch(/"code"/);
  });

  it("rejects attributes smuggled onto nodes and marks", () => {
    expect(messageOf(doc(para({ type: "text", text: "x", attrs: { onclick: "alert(1)" } })))).toBe(
      'Your comment contains a setting that isn\'t allowed ("attrs").',
    );
    expect(messageOf(doc({ type: "paragraph", attrs: { style: "x" }, content: [text("x")] }))).toMatch(/"attrs"/);
    expect(messageOf(doc(para(text("x", { type: "bold", attrs: {} }))))).toMatch(/"attrs"/);
    const smuggled = { type: "link", attrs: { href: "https://a.example/", onmouseover: "alert(1)" } };
    expect(messageOf(doc(para(text("x", smuggled))))).toMatch(/"onmouseover"/);
    expect(messageOf({ ...doc(para(text("x"))), html: "<b>x</b>" })).toMatch(/"html"/);
  });

  it("rejects hostile links with the link message", () => {
    for (const href of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "/local"]) {
      expect(messageOf(docWithLink(href)), href).toMatch(/only web addresses \(http:\/\/ or https:\/\/\) and email addresses/);
    }
    expect(messageOf(doc(para(text("x", { type: "link", attrs: {} }))))).toMatch(/^A link in your text isn't allowed/);
    expect(messageOf(docWithLink(null))).toMatch(/^A link in your text isn't allowed/);
  });

  it("rejects HTML strings and other non-documents", () => {
    expect(messageOf("<p>hello <script>alert(1)</script></p>")).toBe(
      "Your comment must be sent as rich-text data from the editor, not as text or HTML.",
    );
    expect(messageOf(null)).toBe("Your comment is missing.");
    expect(messageOf([richComment])).toMatch(/not rich-text data/);
    expect(messageOf({ type: "paragraph", content: [] })).toMatch(/not a rich-text document/);
    expect(messageOf(doc(para(text("x")), { type: "doc", content: [] }))).toMatch(/"doc" in a place where it isn't allowed/);
    expect(messageOf(doc(text("loose text")))).toMatch(/"text" in a place/);
  });

  it("rejects damaged structure in plain words", () => {
    expect(messageOf(doc({ type: "bulletList", content: [] }))).toBe("A list or quote in your comment is empty.");
    expect(messageOf(doc(para(text(""))))).toBe("Your comment contains an empty piece of text.");
    expect(messageOf(doc(para({ text: "no type" })))).toMatch(/has no type/);
    expect(messageOf(doc(para(text("nul\u0000byte"))))).toMatch(/control characters/);
    expect(messageOf(doc(para(text("x", { type: "bold" }, { type: "bold" }))))).toMatch(/twice/);
  });

  it("survives a depth bomb of 10,000 levels and names the problem", () => {
    const result = parseRichText(nestedQuotes(10_000));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/too many lists or quotes inside one another/) });
  });

  it("survives a self-referencing object", () => {
    const loop: { type: string; content: unknown[] } = { type: "doc", content: [] };
    loop.content.push(loop);
    expect(parseRichText(loop).ok).toBe(false);
  });

  it("refuses too many nodes before walking them", () => {
    const huge = { type: "doc", content: Array.from({ length: 200_000 }, () => para(text("x"))) };
    const started = performance.now();
    expect(messageOf(huge)).toBe(
      "Your comment has too many parts (more than 1,000 paragraphs, list items and pieces of text). Please shorten it.",
    );
    expect(performance.now() - started).toBeLessThan(100);
    expect(messageOf(doc(para({ type: "text", text: "x", marks: Array(100_000).fill({ type: "bold" }) })))).toMatch(/too much formatting/);
  });

  it("reports each issue with its path", () => {
    const result = parseRichText(doc(para(text("ok")), para(text("x", { type: "strike" })), { type: "video" }));
    if (result.ok) throw new Error("expected failure");
    expect(result.issues.map((i) => i.path)).toEqual([
      ["content", 1, "content", 0, "marks", 0, "type"],
      ["content", 2, "type"],
    ]);
  });
});
