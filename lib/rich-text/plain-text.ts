import type { ParagraphNode, TiptapDoc } from "./types";

/**
 * Rich text as plain lines, for search, CSV/W3C export and the fallback view.
 * Each paragraph becomes one line (a hard break starts a new line); lists and
 * quotes are flattened, without bullets or ">" markers, so search matches the
 * words a student typed and nothing else.
 */

// Bounds for walking JSON of unknown origin (e.g. a stored doc that predates
// the current whitelist): generous, but finite.
const UNKNOWN_MAX_NODES = 20_000;
const UNKNOWN_MAX_CHARS = 20_000;

const BLOCK_END = Symbol("block-end");

/**
 * Extracts text from any JSON that looks like Tiptap, valid or not, without
 * recursion and within fixed bounds. Only `text` strings are ever copied out,
 * so the result is safe to render as a React text child.
 */
export function plainTextOfUnknown(input: unknown): string {
  const blocks: string[] = [];
  let line = "";
  let total = 0;
  let visited = 0;
  const stack: unknown[] = [input];

  while (stack.length > 0 && visited < UNKNOWN_MAX_NODES && total < UNKNOWN_MAX_CHARS) {
    const item = stack.pop();
    if (item === BLOCK_END) {
      blocks.push(line);
      line = "";
      continue;
    }
    visited++;
    if (item === null || typeof item !== "object") continue;
    const node = item as { type?: unknown; text?: unknown; content?: unknown };

    if (node.type === "text" && typeof node.text === "string") {
      const piece = node.text.slice(0, UNKNOWN_MAX_CHARS - total);
      line += piece;
      total += piece.length;
    } else if (node.type === "hardBreak") {
      line += "\n";
    } else if (node.type === "mention") {
      const label = (node as { attrs?: { label?: unknown } }).attrs?.label;
      const piece = `@${typeof label === "string" ? label : ""}`.slice(0, UNKNOWN_MAX_CHARS - total);
      line += piece;
      total += piece.length;
    }
    if (node.type === "paragraph") {
      // Text that leaked outside any paragraph becomes its own line.
      if (line) blocks.push(line);
      line = "";
      stack.push(BLOCK_END);
    }
    if (Array.isArray(node.content)) {
      for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]);
    }
  }
  if (line) blocks.push(line);
  return blocks.join("\n");
}

/**
 * The plain text of a validated document: paragraphs joined by "\n", hard
 * breaks as "\n", empty paragraphs as empty lines.
 */
export function plainTextOf(doc: TiptapDoc): string {
  return plainTextOfUnknown(doc);
}

// Controls other than tab have no place in a comment (and NUL breaks Postgres).
const STRIP_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * Builds a document from plain text: one paragraph per line, empty lines as
 * empty paragraphs. Used for imports and for seeding; the result still goes
 * through `parseRichText` before it is stored (limits are not checked here).
 */
export function richTextFromPlain(text: string): TiptapDoc {
  const clean = text
    .replace(/\r\n?/g, "\n")
    .replace(STRIP_CONTROLS, "")
    // Lone surrogates cannot be stored in jsonb; show them as U+FFFD instead.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  const content = clean.split("\n").map((line): ParagraphNode =>
    line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" },
  );
  return { type: "doc", content };
}
