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

/**
 * Turns one essay file (Markdown + YAML front matter) into canonical text and
 * block structure. Only block syntax is read — headings, bullets, quotes,
 * paragraphs — and inline text is kept literally, so every word of a scraped
 * source survives, asterisks included. Throws ContentError with the reason.
 */
export function parseEssay(fileName: string, source: string | Uint8Array): ParsedEssay {
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

  const raw = readBlocks(split.body);
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

/** Groups body lines into blocks; blank lines end a block, markers start one. */
function readBlocks(body: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let open: RawBlock | null = null;
  const close = () => {
    if (open && open.lines.some((l) => l.length > 0)) blocks.push(open);
    open = null;
  };
  for (const rawLine of body.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+$/, "");
    const trimmed = line.trim();
    if (trimmed === "") {
      close();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(trimmed);
    const bullet = /^[-*+]\s+(.*)$/.exec(trimmed);
    const quote = /^>\s?(.*)$/.exec(trimmed);
    if (heading && !/^\s/.test(line)) {
      close();
      blocks.push({ type: "heading", level: heading[1].length, lines: [heading[2]] });
    } else if (bullet) {
      close();
      open = { type: "listItem", lines: [bullet[1]] };
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
