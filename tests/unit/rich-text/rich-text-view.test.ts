import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichTextView, USER_LINK_REL } from "@/components/ui/rich-text-view";
import { findConformanceDir, suiteTitle } from "../../helpers/conformance";
import { doc, docWithLink, HOSTILE_HREFS, link, nestedQuotes, para, richComment, text } from "./fixtures";

function render(input: unknown): string {
  return renderToStaticMarkup(createElement(RichTextView, { doc: input }));
}

const ALLOWED_TAGS: Record<string, readonly string[]> = {
  div: ["class"],
  p: [],
  ul: [],
  li: [],
  blockquote: [],
  br: [],
  strong: [],
  em: [],
  a: ["href", "rel", "target"],
};

/**
 * Asserts markup made from student input is inert. React escapes "<" in text
 * and attribute values, so every literal "<" starts a tag we can inspect:
 * only whitelisted tags and attributes, no on* handler, no script, and every
 * href is http(s) or mailto.
 */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/href="[^"]*javascript:/i);
  for (const [, closing, name, attrs] of html.matchAll(/<(\/?)([a-z0-9-]+)((?=[\s/>])[^>]*)>/gi)) {
    expect(Object.keys(ALLOWED_TAGS), `tag <${name}>`).toContain(name);
    if (closing) continue;
    for (const [, attr, value] of attrs.matchAll(/\s([^\s=/]+)(?:="([^"]*)")?/g)) {
      expect(attr, `attribute ${attr} on <${name}>`).not.toMatch(/^on/i);
      expect(ALLOWED_TAGS[name], `attribute ${attr} on <${name}>`).toContain(attr);
      if (attr === "href") expect(value).toMatch(/^(https?:\/\/|mailto:)/);
      if (attr === "rel") expect(value).toBe(USER_LINK_REL);
    }
  }
}

describe("RichTextView renders through the whitelist", () => {
  it("renders every allowed node and mark as plain elements", () => {
    const html = render(richComment);
    expect(html).toBe(
      "<div>" +
        "<p>The date <strong>1848</strong> is <em>wrong</em>.</p>" +
        "<ul><li><p>Hobsbawm says 1847</p></li>" +
        `<li><p><em>See </em><a href="https://archive.org/details/x" rel="${USER_LINK_REL}" target="_blank"><strong>the archive</strong></a></p>` +
        "<ul><li><p>nested point</p></li></ul></li></ul>" +
        "<blockquote><p>Quoted line one<br/>line two</p></blockquote>" +
        "<p></p>" +
        `<p>Mail me: <a href="mailto:teacher@school.example" rel="${USER_LINK_REL}" target="_blank">teacher</a></p>` +
        "</div>",
    );
    expectInert(html);
  });

  it("has an inertness check that really catches hostile markup", () => {
    for (const bad of [
      '<div><script>alert(1)</script></div>',
      '<div><p onclick="alert(1)">x</p></div>',
      '<div><a href="javascript:alert(1)">x</a></div>',
      '<div><a href="/relative" rel="noopener noreferrer nofollow ugc">x</a></div>',
      '<div><img src="x"/></div>',
      '<div><p style="x">x</p></div>',
    ]) {
      expect(() => expectInert(bad), bad).toThrow();
    }
  });

  it("escapes HTML typed as text", () => {
    const html = render(doc(para(text('<img src=x onerror="alert(1)"><script>alert(1)</script>'))));
    expect(html).toContain("&lt;script&gt;");
    expectInert(html);
  });

  it.each(HOSTILE_HREFS.map((href) => [JSON.stringify(href), href]))(
    "shows a %s link as plain text, never as a link",
    (_label, href) => {
      const html = render(docWithLink(href));
      expect(html).not.toContain("<a");
      expect(html).toContain("see this");
      expectInert(html);
    },
  );

  it("shows only the plain text of documents that fail validation", () => {
    const hostile = doc(
      para(text("visible", link("javascript:alert(1)"))),
      { type: "html", content: [text("<script>alert(1)</script>")], attrs: { onclick: "alert(1)" } },
      { type: "image", attrs: { src: "javascript:alert(1)", onerror: "alert(1)" } },
    );
    const html = render(hostile);
    expect(html).toBe("<div><p>visible<br/>&lt;script&gt;alert(1)&lt;/script&gt;</p></div>");
    expectInert(html);
  });

  it("does not crash on a depth bomb or non-documents", () => {
    expect(render(nestedQuotes(10_000))).toBe("<div><p>deep</p></div>");
    expect(render("<b onmouseover=alert(1)>hi</b>")).toBe("<div><p></p></div>");
    expect(render(null)).toBe("<div><p></p></div>");
  });
});

const conformanceDir = findConformanceDir();
const payloadFile = conformanceDir ? path.join(conformanceDir, "xss", "payloads.json") : null;

describe.skipIf(!conformanceDir)(suiteTitle("XSS payload corpus"), () => {
  interface Payload {
    id: string;
    payload: string;
  }
  const payloads: Payload[] = payloadFile
    ? (JSON.parse(readFileSync(payloadFile, "utf8")) as { payloads: Payload[] }).payloads
    : [];

  it("renders all 333 payloads inert as text, as hrefs and as node types", () => {
    expect(payloads.length).toBe(333);
    for (const { id, payload } of payloads) {
      for (const input of [
        doc(para(text(payload))),
        docWithLink(payload),
        doc(para(text("x", { type: payload }))),
        doc({ type: payload, content: [text(payload)] }),
        payload,
      ]) {
        const html = render(input);
        try {
          expectInert(html);
        } catch (error) {
          throw new Error(`${id}: ${(error as Error).message}`);
        }
      }
    }
  });
});
