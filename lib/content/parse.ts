import { createHash } from "node:crypto";
import { ContentError } from "./errors";
import { splitFrontMatter } from "./front-matter";
import type { Block, BlockType, ParsedEssay } from "./types";

/** Files larger than this are refused: an essay is prose, not a data dump. */
export const MAX_CONTENT_BYTES = 1_000_000;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface RawBlock {
  type: BlockType;
  level?: number;
  lines: string[];
}

/** How the body is written: Markdown block syntax, or plain text that is only paragraphs. */
export interface ParseOptions {
  /** "txt" reads no markers: "-40 degrees" or "# 1" at a line start is text, not a bullet or heading. */
  format?: "md" | "txt";
}

/**
 * Turns one essay file (Markdown + YAML front matter) into canonical text and
 * block structure. Only block syntax is read — headings, bullets, quotes,
 * paragraphs — and inline text is kept literally, so every word of a scraped
 * source survives, asterisks included. Throws ContentError with the reason.
 */
export function parseEssay(fileName: string, source: string | Uint8Array, options: ParseOptions = {}): ParsedEssay {
  const slug = fileName.replace(/^.*[\\/]/, "").replace(/\.md$/i, "");
  if (!SLUG.test(slug)) {
    throw new ContentError(fileName, "file name must be lower-case words joined by hyphens, ending in .md");
  }
  const text = typeof source === "string" ? source : decodeUtf8(fileName, source);
  if (Buffer.byteLength(text, "utf8") > MAX_CONTENT_BYTES) {
    throw new ContentError(fileName, `is larger than ${MAX_CONTENT_BYTES / 1_000_000} MB`);
  }
  if (text.includes("\u0000")) throw new ContentError(fileName, "is binary, not text");
  const split = splitFrontMatter(text.replace(/^\uFEFF/, ""));
  if ("reason" in split) throw new ContentError(fileName, split.reason);

  const raw = readBlocks(split.body, options.format === "txt");
  if (raw.length === 0) throw new ContentError(fileName, "has no essay text after the front matter");

  let canonical = "";
  const blocks: Block[] = raw.map((b, i) => {
    if (i > 0) canonical += "\n";
    const words = b.lines.join(" ");
    const start = canonical.length;
    canonical += words;
    return b.level ? { type: b.type, level: b.level, start, end: canonical.length } : { type: b.type, start, end: canonical.length };
  });

  const contentHash = createHash("sha256")
    .update(JSON.stringify({ text: canonical, blocks }))
    .digest("hex");
  return { slug, meta: split.meta, text: canonical, blocks, contentHash };
}

function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError(fileName, "is not UTF-8 text");
  }
}

/** Groups body lines into blocks; blank lines end a block, markers start one (not in plain text). */
function readBlocks(body: string, plain: boolean): RawBlock[] {
  const blocks: RawBlock[] = [];
  let open: RawBlock | null = null;
  const close = () => {
    if (open && open.lines.some((l) => l.length > 0)) blocks.push(open);
    open = null;
  };
  for (const rawLine of body.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    const trimmed = line.trim();
    if (trimmed === "") {
      close();
      continue;
    }
    const heading = plain ? null : readHeading(trimmed);
    const bullet = plain ? null : readBullet(trimmed);
    const quote = plain ? null : /^>\s?(.*)$/.exec(trimmed);
    if (heading && !/^\s/.test(line)) {
      close();
      blocks.push({ type: "heading", level: heading.level, lines: [heading.text] });
    } else if (bullet !== null) {
      close();
      open = { type: "listItem", lines: [bullet] };
    } else if (quote && (open === null || (open as RawBlock).type === "quote")) {
      if (!open) open = { type: "quote", lines: [] };
      (open as RawBlock).lines.push(quote[1]);
    } else if (open) {
      // A wrapped line continues the open paragraph, bullet or quote.
      (open as RawBlock).lines.push(trimmed);
    } else {
      open = { type: "paragraph", lines: [trimmed] };
    }
  }
  close();
  return blocks.map((b) => ({ ...b, lines: b.lines.filter((l) => l.length > 0) }));
}

const WHITESPACE = /\s/;
// `.` in the patterns these functions replace stops at these; a line holding one is not a marker line.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function leadingWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && WHITESPACE.test(text[i])) i++;
  return i;
}

/**
 * An ATX heading ("## Title ##") of a trimmed line, read by hand: the
 * equivalent /^(#{1,6})\s+(.*?)(?:\s+#+)?$/ backtracks quadratically on a
 * long run of spaces, and a line may be a megabyte long.
 */
function readHeading(trimmed: string): { level: number; text: string } | null {
  let level = 0;
  while (trimmed[level] === "#") level++;
  if (level < 1 || level > 6 || !WHITESPACE.test(trimmed[level] ?? "")) return null;
  const body = trimmed.slice(leadingWhitespace(trimmed, level));
  // A closing run of "#" counts only after whitespace; it goes with that whitespace.
  let hashes = body.length;
  while (hashes > 0 && body[hashes - 1] === "#") hashes--;
  let end = body.length;
  if (hashes < body.length && hashes > 0 && WHITESPACE.test(body[hashes - 1])) {
    end = hashes;
    while (end > 0 && WHITESPACE.test(body[end - 1])) end--;
  }
  const text = body.slice(0, end);
  return LINE_BREAK.test(text) ? null : { level, text };
}

/** The text of a bullet line ("- item"), or null; by hand for the same reason as readHeading. */
function readBullet(trimmed: string): string | null {
  if (!"-*+".includes(trimmed[0]) || !WHITESPACE.test(trimmed[1] ?? "")) return null;
  const text = trimmed.slice(leadingWhitespace(trimmed, 1));
  return LINE_BREAK.test(text) ? null : text;
}
