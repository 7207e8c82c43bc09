import type { Block } from "@/lib/content";
import { DEFAULT_TIME_ZONE, formatCalendarDate, formatDate } from "@/lib/format/dates";
import { escapeMarkdownInline, escapeMarkdownLineStart } from "@/lib/rich-text";
import { citationParts, describeSkip, nestHeadings, safeEvidenceUrl } from "./format-erratum";
import { splitTranscriptionErrata } from "./transcription-errata";
import type { ErrataDocument, ErratumEntry } from "./types";
import { oneOf, trimEndWhere, trimStartWhere } from "@/lib/text/trim-where";

/**
 * The errata as a CommonMark document for download. Every string that came
 * from the essay or from a person (text, corrections, names, evidence) is
 * escaped, so none of it can become a heading, a list, raw HTML or a link;
 * the only links are the ones written here, to vetted http(s) addresses.
 */

/**
 * Escapes the first unescaped "#" of a trailing run of "#", which Markdown
 * would read as a heading's closing sequence and drop ("Stalin #1 ##").
 */
function escapeClosingHashes(text: string): string {
  const end = text.trimEnd().length;
  let run = end;
  while (run > 0 && text[run - 1] === "#") run--;
  const at = text[run - 1] === "\\" ? run + 1 : run;
  return at < end ? `${text.slice(0, at)}\\${text.slice(at)}` : text;
}

/** Line breaks inside one field would end a list item or a heading early. */
function oneLine(text: string): string {
  const isBlank = oneOf(" \t");
  return text
    .split(/\r\n?|\n/)
    .map((line, i, all) => {
      const start = i > 0 ? trimStartWhere(line, isBlank) : line;
      return i < all.length - 1 ? trimEndWhere(start, isBlank) : start;
    })
    .join(" ");
}

/** Escapes a piece of text that appears mid-line. */
function inline(text: string): string {
  return escapeMarkdownInline(oneLine(text));
}

/** Escapes a whole line's content, including what is special only at its start. */
function line(text: string): string {
  return escapeMarkdownLineStart(inline(text));
}

/** Inside angle brackets a URL may hold parentheses; encode only what would end it early. */
function angled(href: string): string {
  return `<${href.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

function quoted(text: string): string {
  return `“${inline(text)}”`;
}

function blockLine(text: string, block: Block): string {
  const content = line(text);
  if (block.type === "heading") {
    // A trailing run of "#" would be read as the heading's closing sequence and dropped.
    return `${"#".repeat(block.level ?? 2)} ${escapeClosingHashes(content)}`;
  }
  if (block.type === "listItem") return `- ${content}`;
  if (block.type === "quote") return `> ${content}`;
  return content;
}

/** The corrected essay: blank lines between blocks, consecutive bullets kept as one list. */
function essayMarkdown(text: string, blocks: Block[]): string {
  let out = "";
  let previous: Block | null = null;
  for (const block of nestHeadings(blocks, 2)) {
    const words = text.slice(block.start, block.end);
    // A block whose every word was deleted leaves no empty bullet behind.
    if (words.trim() === "") continue;
    if (previous) out += previous.type === "listItem" && block.type === "listItem" ? "\n" : "\n\n";
    out += blockLine(words, block);
    previous = block;
  }
  return out;
}

function evidenceText(entry: ErratumEntry): string {
  const items = entry.evidence.map((e) => {
    const parts = citationParts(e).map(inline);
    const url = safeEvidenceUrl(e.url);
    if (url) parts.push(angled(url));
    if (e.quote.trim()) parts.push(quoted(e.quote.trim()));
    return parts.join(", ");
  });
  return items.filter(Boolean).join("; ");
}

/** "“1995” → “1955” — Wrong date or number — found by … — Evidence: …" */
export function erratumMarkdownLine(entry: ErratumEntry): string {
  const before = entry.original === "" ? "(nothing)" : quoted(entry.original);
  const after = entry.correction === "" ? "(deleted)" : quoted(entry.correction);
  const parts = [`${before} → ${after}`, inline(entry.categoryLabel)];
  if (entry.finders.length > 0) parts.push(`found by ${entry.finders.map(inline).join(", ")}`);
  const evidence = evidenceText(entry);
  if (evidence) parts.push(`Evidence: ${evidence}`);
  if (entry.skip) parts.push(describeSkip(entry.skip));
  return parts.join(" — ");
}

function provenanceLine(doc: ErrataDocument, generatedAt: Date | undefined, timeZone: string): string {
  const { meta } = doc.essay;
  const sourceUrl = safeEvidenceUrl(meta.sourceUrl);
  const parts = [
    `Source: ${sourceUrl ? `[${inline(meta.source)}](${angled(sourceUrl)})` : inline(meta.source)}`,
    `Author: ${inline(meta.author)}`,
    `Retrieved: ${inline(formatCalendarDate(meta.retrieved))}`,
    `Class: ${inline(doc.assignment.className)}`,
    `Revision ${doc.revision.number}`,
  ];
  if (generatedAt) parts.push(`Errata as of ${formatDate(generatedAt, timeZone)}`);
  return escapeMarkdownLineStart(parts.join(" · "));
}

/**
 * The whole download: title, provenance, the corrected text, the numbered
 * errata (with any that could not be applied and why) and the flags a later
 * revision of the source already fixed. Pass `generatedAt` to date it (in
 * `timeZone`, the school's); left out, the output depends on `doc` alone.
 */
export function errataToMarkdown(doc: ErrataDocument, { generatedAt, timeZone = DEFAULT_TIME_ZONE }: { generatedAt?: Date; timeZone?: string } = {}): string {
  const title = inline(doc.essay.meta.title);
  const { errata, alreadyFixed, transcription } = splitTranscriptionErrata(doc);
  const sections = [
    `# Errata: ${escapeClosingHashes(title)}`,
    provenanceLine(doc, generatedAt, timeZone),
    "## Corrected text",
    essayMarkdown(doc.corrected.text, doc.corrected.blocks) || "(The text is empty.)",
    "## Errata",
    errata.length > 0
      ? errata.map((e) => `${e.number ?? doc.errata.indexOf(e) + 1}. ${erratumMarkdownLine(e)}`).join("\n")
      : "No errata have been verified yet.",
  ];
  if (alreadyFixed.length > 0) {
    sections.push(
      "## Already fixed in the source",
      alreadyFixed.map((e) => `- ${erratumMarkdownLine(e)}`).join("\n"),
    );
  }
  if (transcription.length > 0) {
    sections.push(
      "## Transcription errors",
      "The scan was misread here, not written wrong: corrections to the transcription, not to the source.",
      transcription.map((e) => `- ${e.number ? `${e.number}. ` : ""}${erratumMarkdownLine(e)}${e.outcome === "fixed_in_source" ? " — already corrected" : ""}`).join("\n"),
    );
  }
  return `${sections.join("\n\n")}\n`;
}
