import type { BlockNode, HardBreakNode, InlineNode, TextMark, TextNode, TiptapDoc } from "./types";
import { normalizeHref } from "./url-policy";

/**
 * CommonMark for the errata download. Every character a student typed comes
 * out literally: Markdown syntax in their text is escaped, so a comment can
 * never turn into a heading, a table, raw HTML or a link we did not vet.
 */

// Characters that are special anywhere in a line. "&" is included so text
// like "&lt;" is not read as an entity; "<" so it is never read as HTML.
const INLINE_SPECIALS = /[\\`*_[\]<>|~&]/g;

/** Escapes Markdown syntax anywhere inside a line of text. */
export function escapeMarkdownInline(text: string): string {
  return text.replace(INLINE_SPECIALS, "\\$&");
}

/**
 * Escapes what is only special at the start of a line: headings, quotes, list
 * markers, setext underlines, ordered-list numbers and indentation (which
 * would make a code block). Expects a line already passed through
 * escapeMarkdownInline.
 */
export function escapeMarkdownLineStart(line: string): string {
  const indent = /^[ \t]+/.exec(line)?.[0] ?? "";
  // Entities keep the spaces visible without counting as indentation.
  const head = indent.replace(/ /g, "&#32;").replace(/\t/g, "&#9;");
  let rest = line.slice(indent.length);
  if (/^[#>+\-=]/.test(rest)) rest = `\\${rest}`;
  else rest = rest.replace(/^(\d{1,9})([.)])/, "$1\\$2");
  return head + rest;
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  href: string | null;
}

function toRun(text: string, marks: TextMark[] = []): Run {
  const link = marks.find((m) => m.type === "link");
  return {
    text,
    bold: marks.some((m) => m.type === "bold"),
    italic: marks.some((m) => m.type === "italic"),
    // Re-checked here so an unvalidated doc still cannot emit a bad link.
    href: link && link.type === "link" ? normalizeHref(link.attrs.href) : null,
  };
}

/** Splits inline nodes into lines of runs; adjacent runs with equal marks merge. */
function toLines(nodes: InlineNode[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const inline of nodes) {
    const node: TextNode | HardBreakNode = inline.type === "mention" ? { type: "text", text: `@${inline.attrs.label}` } : inline;
    if (node.type === "hardBreak") {
      lines.push([]);
      continue;
    }
    node.text.split(/\r\n?|\n/).forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (!part) return;
      const run = toRun(part, node.marks);
      const line = lines[lines.length - 1];
      const last = line.at(-1);
      if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) {
        last.text += run.text;
      } else line.push(run);
    });
  }
  return lines;
}

function wrap(text: string, delimiter: string): string {
  // Emphasis cannot open or close next to whitespace, so keep it outside.
  const core = text.trim();
  const lead = text.slice(0, text.length - text.trimStart().length);
  const trail = text.slice(lead.length + core.length);
  return core ? `${lead}${delimiter}${core}${delimiter}${trail}` : text;
}

function renderRun(run: Run): string {
  const text = escapeMarkdownInline(run.text);
  const delimiter = (run.bold ? "**" : "") + (run.italic ? "*" : "");
  return delimiter ? wrap(text, delimiter) : text;
}

function renderLine(runs: Run[]): string {
  let out = "";
  for (let i = 0; i < runs.length; ) {
    const href = runs[i].href;
    let inner = "";
    for (; i < runs.length && runs[i].href === href; i++) inner += renderRun(runs[i]);
    // Angle-bracket destinations allow parentheses; encode what would end them.
    out += href
      ? `[${inner}](<${href.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>)`
      : inner;
  }
  return escapeMarkdownLineStart(out);
}

function paragraphLines(nodes: InlineNode[] = []): string[] {
  const lines = toLines(nodes).map(renderLine);
  if (lines.every((l) => l.trim() === "")) return [];
  // A backslash at the end of a line is CommonMark's visible hard break.
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\\` : l));
}

function blocksLines(blocks: BlockNode[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const lines = blockLines(block);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push("");
    out.push(...lines);
  }
  return out;
}

function blockLines(block: BlockNode): string[] {
  switch (block.type) {
    case "paragraph":
      return paragraphLines(block.content);
    case "blockquote":
      return blocksLines(block.content).map((l) => (l ? `> ${l}` : ">"));
    case "bulletList":
      return block.content.flatMap((item) =>
        blocksLines(item.content).map((l, i) => (i === 0 ? `- ${l}` : l ? `  ${l}` : "")),
      );
    default:
      return [];
  }
}

/**
 * Converts a validated document to CommonMark: paragraphs separated by blank
 * lines, "- " bullets (nested by two spaces), "> " quotes, `**bold**`,
 * `*italic*`, `[text](<href>)`. Empty paragraphs are dropped.
 */
export function richTextToMarkdown(doc: TiptapDoc): string {
  const lines = blocksLines(doc.content);
  return lines.length ? `${lines.join("\n")}\n` : "";
}
