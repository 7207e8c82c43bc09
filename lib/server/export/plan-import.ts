import "server-only";
import { createHash } from "node:crypto";
import { anchor, createTextIndex, describe, type TextSelector } from "@/lib/anchoring";
import { isFlagCategory, type FlagCategory } from "@/lib/critique/categories";
import { AppError } from "@/lib/errors";
import { parseRichText, richTextFromPlain, type TiptapDoc } from "@/lib/rich-text";
import { checkRegion, normalizeRegion, type Region } from "@/lib/sources/regions";
import { cleanDisplayName } from "@/lib/validation/display-name";
import { fromW3CAnnotation, type ImportedAnnotation } from "@/lib/w3c";
import { deriveImportId } from "@/lib/w3c/import-id";
import { isForTeachers } from "@/lib/w3c/teacher-audience";
import { importTags } from "./import-tags";

/** What every imported row shares: its derived id and where it came from. */
interface PlannedItem {
  /** Derived from the source IRI: the same file imports to the same ids. */
  id: string;
  iri: string;
  /** The id in this app when the IRI is one of ours (`${baseUrl}/annotations/<id>`). */
  localId?: string;
  /** Provenance only, shown as text: the file's creator name (or IRI) and `created` date. */
  originalCreatorName: string | null;
  originalCreated: Date | null;
}

/** An annotation row to write, already placed on the current revision. */
export interface PlannedAnnotation extends PlannedItem {
  kind: "highlight" | "comment" | "flag";
  scope: "class" | "teachers";
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  anchorStatus: "anchored" | "fuzzy";
  /** On a picture reading: the region it marks (its quote is then empty). */
  region?: Region;
  /** A comment's text, or a flag's rationale. */
  body: TiptapDoc | null;
  tags: string[];
  /** The class's highlight code its classifying body names (matched by label), if any. */
  codeId: string | null;
  flag?: { category: FlagCategory; correction: string };
  /** A teacher's guide, kept as the importing teacher's (never its file's author's). */
  guide?: "question" | "instruction";
}

/** A reply to write once its parent is known. */
export interface PlannedReply extends PlannedItem {
  parentIri: string;
  body: TiptapDoc;
}

/** Everything an import would write, plus what it could not place. */
export interface ImportPlan {
  annotations: PlannedAnnotation[];
  replies: PlannedReply[];
  orphanQuotes: string[];
  /** Items repeating an IRI seen earlier in the same file. */
  repeatedInFile: number;
}

/** What the planner needs to know about the import's destination. */
export interface PlanContext {
  assignmentId: string;
  /** Absolute app origin without a trailing slash. */
  baseUrl: string;
  revisionText: string;
  /** The class's highlight codes: a highlight's or comment's classifying body is matched to one by label. */
  codes?: readonly { id: string; label: string }[];
  /** For a picture reading, the picture's size: items are placed by their region on it, not by words. */
  picture?: { width: number; height: number } | null;
}

/** Foreign flags name no category of ours; "contested" claims least about what is wrong. */
const DEFAULT_FLAG_CATEGORY: FlagCategory = "contested";
/** Same limits as a flag or selection made in the reader (lib/validation). */
const MAX_CORRECTION_CHARS = 2000;
const MAX_QUOTE_CHARS = 2000;
/** How the report lists an annotation of the whole document, which has no quote to show. */
const WHOLE_DOCUMENT = "(a note on the whole document, not on a passage)";
/** How the report lists a region of a picture imported onto a reading that is not that picture. */
const REGION_ELSEWHERE = "(a region of a picture, and this reading is not a picture)";
/** A creator name is a line of provenance text, not a document. */
const MAX_CREATOR_CHARS = 200;

class ItemIssue extends Error {}

/** The id in one of our IRIs (`${prefix}<id>`), or undefined for anyone else's IRI. */
export function localIdOf(iri: string, prefix: string): string | undefined {
  if (!iri.startsWith(prefix)) return undefined;
  try {
    return decodeURIComponent(iri.slice(prefix.length)) || undefined;
  } catch {
    return undefined;
  }
}

function richText(text: string, noun: string): TiptapDoc {
  const parsed = parseRichText(richTextFromPlain(text), { noun });
  if (!parsed.ok) throw new ItemIssue(parsed.message);
  return parsed.doc;
}

/**
 * Who and when the file says, kept as provenance text only. A creator IRI
 * naming one of our users proves nothing (anyone can write it in a file), so
 * it never makes the item that user's: every imported row is authored by
 * the importing teacher and marked imported (see writeImport).
 */
function provenanceOf(a: ImportedAnnotation): Pick<PlannedItem, "originalCreatorName" | "originalCreated"> {
  // Shown beside the words as provenance: cleaned of what the display-name rule refuses, so it cannot pose as someone.
  const raw = a.creatorName ?? a.creatorIri;
  const name = raw ? cleanDisplayName(raw).slice(0, MAX_CREATOR_CHARS).trim() : "";
  return { originalCreatorName: name || null, originalCreated: a.created ?? null };
}

type Placed = Pick<PlannedAnnotation, "quote" | "position" | "anchorStatus" | "region">;

/** On a picture: an item's region, checked as the reader's own regions are; null when it names none. */
function placeRegion(a: ImportedAnnotation, picture: { width: number; height: number }): Placed | null {
  if (!a.region) return null;
  const problem = checkRegion(a.region, picture);
  if (problem) throw new ItemIssue(problem);
  return { quote: { exact: "", prefix: "", suffix: "" }, position: { start: 0, end: 0 }, anchorStatus: "anchored", region: normalizeRegion(a.region, picture) };
}

function place(a: ImportedAnnotation, text: string, index: ReturnType<typeof createTextIndex>): Placed | null {
  const selectors: TextSelector[] = [];
  if (a.quote) selectors.push({ type: "TextQuoteSelector", ...a.quote });
  if (a.position) selectors.push({ type: "TextPositionSelector", ...a.position });
  const found = selectors.length > 0 ? anchor(text, selectors, { index }) : null;
  if (!found || found.end === found.start) return null;
  if (found.end - found.start > MAX_QUOTE_CHARS) {
    throw new ItemIssue(`The passage it annotates is longer than ${MAX_QUOTE_CHARS} characters.`);
  }
  // Store selectors that fit this revision exactly, as the reader's own writes do.
  const { quote, position } = describe(text, found.start, found.end, { index });
  return {
    quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" },
    position: { start: position.start, end: position.end },
    anchorStatus: found.method === "fuzzy" ? "fuzzy" : "anchored",
  };
}

type Content = Pick<PlannedAnnotation, "kind" | "body" | "flag">;

/** Checks an annotation's words and flag, placed or not: an orphan must be well formed too. */
function contentOf(a: ImportedAnnotation): Content {
  if (a.kind === "flag") {
    const correction = a.correction ?? "";
    if (correction.length > MAX_CORRECTION_CHARS) {
      throw new ItemIssue(`Its correction is longer than ${MAX_CORRECTION_CHARS} characters.`);
    }
    const category = isFlagCategory(a.category) ? a.category : DEFAULT_FLAG_CATEGORY;
    const body = a.bodyText.trim() ? richText(a.bodyText, "rationale") : null;
    return { kind: "flag", body, flag: { category, correction } };
  }
  // Words on a "highlight" from another tool would otherwise be lost; a
  // "comment" without words is what a highlight is here.
  if (!a.bodyText.trim()) return { kind: "highlight", body: null };
  return { kind: "comment", body: richText(a.bodyText, "comment") };
}

/**
 * A highlight's or comment's classifying body names one of the class's codes
 * (by label, in any case): the item gets that code. A label the class has no
 * code for is kept as a tag instead, so nothing the file says is lost and the
 * import never fails over it. A flag's classifying body is its category.
 */
function codeAndTags(a: ImportedAnnotation, kind: PlannedAnnotation["kind"], codes: readonly { id: string; label: string }[]): Pick<PlannedAnnotation, "codeId" | "tags"> {
  const label = kind === "flag" ? undefined : a.category?.trim();
  if (!label) return { codeId: null, tags: importTags(a.tags) };
  const code = codes.find((c) => c.label.toLocaleLowerCase() === label.toLocaleLowerCase());
  return code ? { codeId: code.id, tags: importTags(a.tags) } : { codeId: null, tags: importTags([...a.tags, label]) };
}

/**
 * Reads, checks and places every item of an upload without touching the
 * database. Any malformed item makes the whole import fail (AppError
 * "invalid") with a message naming the item's number in the file (1-based)
 * and an `issues` list for all of them, so nothing is written from a file
 * that is only partly understood. Items that are well formed but cannot be
 * placed on the current text are orphans: reported by quote, not written.
 */
export function planImport(items: readonly unknown[], ctx: PlanContext): ImportPlan {
  const index = createTextIndex(ctx.revisionText);
  const plan: ImportPlan = { annotations: [], replies: [], orphanQuotes: [], repeatedInFile: 0 };
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();

  items.forEach((raw, i) => {
    const where = `Item ${i + 1}`;
    try {
      if (typeof raw === "string") throw new ItemIssue(`It is only a link (${raw.slice(0, 200)}), not an included annotation.`);
      const result = fromW3CAnnotation(raw);
      if (!result.ok) throw new ItemIssue(result.message);
      const a = result.annotation;
      // An annotation without an IRI is known by its content, so re-importing it still matches.
      const iri = a.id ?? `urn:sha1:${createHash("sha1").update(JSON.stringify(raw)).digest("hex")}`;
      const isRepeat = seen.has(iri);
      seen.add(iri);
      const item: PlannedItem = {
        id: deriveImportId({ assignmentId: ctx.assignmentId, iri }),
        iri,
        ...(a.id && { localId: localIdOf(a.id, `${ctx.baseUrl}/annotations/`) }),
        ...provenanceOf(a),
      };
      if (a.kind === "reply") {
        if (!a.bodyText.trim()) throw new ItemIssue("This reply has no text.");
        const body = richText(a.bodyText, "reply");
        if (isRepeat) plan.repeatedInFile += 1;
        else plan.replies.push({ ...item, parentIri: a.parentIri as string, body });
        return;
      }
      const content = contentOf(a);
      const placed = ctx.picture ? placeRegion(a, ctx.picture) : place(a, ctx.revisionText, index);
      if (isRepeat) {
        plan.repeatedInFile += 1;
      } else if (placed) {
        const scope = isForTeachers(raw) ? "teachers" : "class";
        const guide = content.kind === "comment" && a.guide ? { guide: a.guide } : {};
        plan.annotations.push({ ...item, ...content, ...placed, scope, ...codeAndTags(a, content.kind, ctx.codes ?? []), ...guide });
      } else {
        plan.orphanQuotes.push(a.quote?.exact ?? (a.position ? `(characters ${a.position.start}–${a.position.end})` : a.region ? REGION_ELSEWHERE : WHOLE_DOCUMENT));
      }
    } catch (error) {
      if (!(error instanceof ItemIssue)) throw error;
      issues.push({ path: `items[${i}]`, message: `${where}: ${error.message}` });
    }
  });

  if (issues.length > 0) {
    const others = issues.length - 1;
    const more = others > 0 ? ` ${others} more item${others > 1 ? "s have" : " has"} problems too.` : "";
    throw new AppError("invalid", `${issues[0].message}${more} Nothing was imported.`, { issues: issues.slice(0, 50) });
  }
  return plan;
}
