/**
 * Named rich-text fixtures: what students really write, and what an attacker
 * would send instead. Built as plain JSON, exactly as a request body arrives.
 */

type Json = Record<string, unknown>;

/** A paragraph of plain text. */
export function para(...content: Json[]): Json {
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

/** A text node with optional marks. */
export function text(value: string, ...marks: Json[]): Json {
  return marks.length ? { type: "text", text: value, marks } : { type: "text", text: value };
}

/** A link mark as Tiptap's Link extension serialises it. */
export function link(href: unknown): Json {
  return {
    type: "link",
    attrs: { href, target: "_blank", rel: "noopener noreferrer nofollow", class: null, title: null },
  };
}

/** A whole document. */
export function doc(...content: Json[]): Json {
  return { type: "doc", content };
}

/** A single-paragraph document holding a link with the given href. */
export function docWithLink(href: unknown): Json {
  return doc(para(text("see this", link(href))));
}

/** A student's comment using every allowed node and mark. */
export const richComment = doc(
  para(text("The date "), text("1848", { type: "bold" }), text(" is "), text("wrong", { type: "italic" }), text(".")),
  {
    type: "bulletList",
    content: [
      { type: "listItem", content: [para(text("Hobsbawm says 1847"))] },
      {
        type: "listItem",
        content: [
          para(text("See ", { type: "italic" }), text("the archive", link("https://archive.org/details/x"), { type: "bold" })),
          { type: "bulletList", content: [{ type: "listItem", content: [para(text("nested point"))] }] },
        ],
      },
    ],
  },
  { type: "blockquote", content: [para(text("Quoted line one"), { type: "hardBreak" }, text("line two"))] },
  para(),
  para(text("Mail me: "), text("teacher", link("mailto:teacher@school.example"))),
);

/** `levels` blockquotes inside one another, built without recursion. */
export function nestedQuotes(levels: number): Json {
  let inner: Json = para(text("deep"));
  for (let i = 0; i < levels; i++) inner = { type: "blockquote", content: [inner] };
  return doc(inner);
}

/** Hrefs that must never be stored or rendered as links. */
export const HOSTILE_HREFS: readonly string[] = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "\u0000javascript:alert(1)",
  "\u200Bjavascript:alert(1)",
  "&#106;avascript:alert(1)",
  "javascript&colon;alert(1)",
  "&#x6A;&#x61;&#x76;&#x61;script:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "/relative/path",
  "//evil.example/x",
  "evil.example",
  "https://trusted.example@evil.example/",
  "https://user:pass@evil.example/",
  "https:\\\\evil.example",
  "http:evil.example",
  "https://",
  "mailto:",
  "https://exa mple.org",
  "https://example.org/\u202Egnp.exe",
  "",
];
