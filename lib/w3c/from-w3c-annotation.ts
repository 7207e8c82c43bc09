import type { z } from "zod";
import {
  annotationEnvelopeSchema,
  iriSchema,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
  textualBodySchema,
} from "./import-schema";
import { htmlToPlainText } from "./html-to-text";
import { isForStudents } from "./teacher-audience";
import { MEDIA_FRAGMENT_SPEC, parseFragmentValue, parseSvgValue, type Region } from "@/lib/sources/regions";
import type { AnnotationKind, ImportedAnnotation, PositionSpan, QuoteSpan } from "./types";

/** Result of `fromW3CAnnotation`: the import shape, or why the input was refused. */
export type W3CImportResult =
  | { ok: true; annotation: ImportedAnnotation }
  | { ok: false; message: string; issues: string[] };

type Obj = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Thrown inside the reader, caught by fromW3CAnnotation; never escapes. */
class ImportIssue extends Error {
  constructor(
    message: string,
    readonly issues: string[] = [message],
  ) {
    super(message);
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const at = issue.path.filter((k) => typeof k !== "symbol").join(".");
    return `${where}${at ? ` (${at})` : ""}: ${issue.message}.`;
  });
  throw new ImportIssue(issues[0], issues);
}

interface Targets {
  quote?: QuoteSpan;
  position?: PositionSpan;
  region?: Region;
  sourceIri?: string;
  iriTargets: string[];
}

/** Reads targets: IRIs (e.g. a parent annotation) and the first passage's selectors. */
function readTargets(raw: unknown): Targets {
  const out: Targets = { iriTargets: [] };
  for (const [i, target] of asArray(raw).entries()) {
    const where = `Target ${i + 1}`;
    if (typeof target === "string") {
      out.iriTargets.push(check(iriSchema, target, where));
      continue;
    }
    if (!isObject(target)) throw new ImportIssue(`${where} is neither an IRI nor an object.`);
    if (target.source === undefined) {
      if (target.id === undefined) throw new ImportIssue(`${where} has neither an id nor a source.`);
      out.iriTargets.push(check(iriSchema, target.id, where));
      continue;
    }
    const source = check(iriSchema, target.source, `${where}'s source`);
    if (out.sourceIri !== undefined) continue; // we anchor on the first passage only
    out.sourceIri = source;
    // Only top-level selectors count: a TextPositionSelector inside refinedBy
    // (Hypothesis's XPath ranges) counts from an element, not the document.
    for (const selector of asArray(target.selector)) {
      if (!isObject(selector)) continue; // an IRI naming a selector: nothing to read
      if (selector.type === "TextQuoteSelector" && !out.quote) {
        const q = check(textQuoteSelectorSchema, selector, `${where}'s selector`);
        out.quote = {
          exact: q.exact,
          ...(q.prefix !== undefined && { prefix: q.prefix }),
          ...(q.suffix !== undefined && { suffix: q.suffix }),
        };
      } else if (selector.type === "TextPositionSelector" && !out.position) {
        const p = check(textPositionSelectorSchema, selector, `${where}'s selector`);
        out.position = { start: p.start, end: p.end };
      } else if (!out.region) {
        const region = readRegionSelector(selector, where);
        if (region) out.region = region;
      }
    }
  }
  if (out.iriTargets.length === 0 && out.sourceIri === undefined) {
    throw new ImportIssue("The annotation has no target (what it annotates).");
  }
  return out;
}

/**
 * A region of a picture: a FragmentSelector `xywh=` (Media Fragments, in
 * pixels) or an SvgSelector that is exactly one polygon. Other fragments (a
 * PDF's `page=`) are not regions; any other SVG is refused, never stored.
 */
function readRegionSelector(selector: Record<string, unknown>, where: string): Region | null {
  if (selector.type === "FragmentSelector" && selector.conformsTo === MEDIA_FRAGMENT_SPEC) {
    const value = typeof selector.value === "string" ? selector.value.trim() : "";
    // A time (t=) or other media fragment is not a region of a picture: not read, as other selectors.
    if (!value.startsWith("xywh=")) return null;
    const rect = parseFragmentValue(value);
    if (!rect) throw new ImportIssue(`${where}'s FragmentSelector is not a region in pixels (xywh=x,y,w,h).`);
    return rect;
  }
  if (selector.type === "SvgSelector") {
    const polygon = typeof selector.value === "string" ? parseSvgValue(selector.value) : null;
    if (!polygon) throw new ImportIssue(`${where}'s SvgSelector is not one polygon; no other SVG is read.`);
    return polygon;
  }
  return null;
}

interface Bodies {
  text: string[];
  tags: string[];
  correction?: string;
  category?: string;
}

// Purposes whose text is the annotation's own words, shown as its body.
const TEXT_PURPOSES = new Set(["commenting", "replying", "describing", "assessing", "questioning"]);

/** Sorts textual bodies by purpose; external (IRI) bodies are skipped. */
function readBodies(raw: unknown, bodyValue: string | undefined): Bodies {
  const out: Bodies = { text: [], tags: [] };
  if (bodyValue !== undefined && bodyValue.trim()) out.text.push(bodyValue);
  for (const [i, item] of asArray(raw).entries()) {
    // A Choice offers alternatives; the first is the default (model 3.2.7).
    const body = isObject(item) && item.type === "Choice" ? asArray(item.items)[0] : item;
    if (!isObject(body)) continue;
    if (body.type !== undefined && body.type !== "TextualBody") continue;
    if (body.type === undefined && body.value === undefined) continue;
    const b = check(textualBodySchema, body, `Body ${i + 1}`);
    if (b.format === "text/html") b.value = htmlToPlainText(b.value);
    const purpose = asArray(b.purpose)[0];
    if (purpose === "tagging") {
      if (b.value.trim()) out.tags.push(b.value.trim());
    } else if (purpose === "editing") {
      out.correction ??= b.value;
    } else if (purpose === "classifying") {
      out.category ??= b.value;
    } else if ((purpose === undefined || TEXT_PURPOSES.has(purpose as string)) && b.value.trim()) {
      out.text.push(b.value);
    }
  }
  return out;
}

function kindOf(motivations: string[], bodies: Bodies, bodyText: string): AnnotationKind {
  if (motivations.includes("replying")) return "reply";
  if (motivations.includes("editing") || motivations.includes("assessing")) return "flag";
  if (motivations.includes("commenting")) return "comment";
  if (motivations.includes("highlighting")) return "highlight";
  // No motivation we know (Hypothesis sends none): infer from the bodies.
  if (bodies.correction !== undefined) return "flag";
  return bodyText ? "comment" : "highlight";
}

function creatorOf(raw: unknown): { creatorName?: string; creatorIri?: string } {
  const creator = asArray(raw)[0];
  if (typeof creator === "string") {
    // Hypothesis user ids look like acct:username@hypothes.is.
    const acct = /^acct:([^@]+)@/.exec(creator);
    return { creatorIri: creator, ...(acct && { creatorName: acct[1] }) };
  }
  if (!isObject(creator)) return {};
  const name = asArray(creator.name).find((n) => typeof n === "string") ?? creator.nickname;
  return {
    ...(typeof creator.id === "string" && { creatorIri: creator.id }),
    ...(typeof name === "string" && { creatorName: name }),
  };
}

function read(input: unknown): ImportedAnnotation {
  let json = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch {
      throw new ImportIssue("This is not valid JSON.");
    }
  }
  if (!isObject(json)) throw new ImportIssue("This is not a Web Annotation: expected a JSON object.");
  const envelope = check(annotationEnvelopeSchema, json, "This is not a valid Web Annotation");

  const targets = readTargets(envelope.target);
  const bodies = readBodies(envelope.body, envelope.bodyValue);
  const bodyText = bodies.text.join("\n\n");
  const kind = kindOf(asArray(envelope.motivation) as string[], bodies, bodyText);
  const parentIri = kind === "reply" ? targets.iriTargets[0] : undefined;
  if (kind === "reply" && !parentIri) {
    throw new ImportIssue("This reply does not say which annotation it answers (no IRI target).");
  }

  // A guide: a comment questioning or describing the passage, written for students (our export's mark).
  const motivations = asArray(envelope.motivation);
  const guide =
    kind === "comment" && bodyText && isForStudents(json)
      ? motivations.includes("questioning")
        ? "question"
        : motivations.includes("describing")
          ? "instruction"
          : undefined
      : undefined;

  // Without a passage, the first IRI target is the annotated resource itself.
  const sourceIri = targets.sourceIri ?? (kind === "reply" ? undefined : targets.iriTargets[0]);

  return {
    kind,
    ...(targets.quote && { quote: targets.quote }),
    ...(targets.position && { position: targets.position }),
    ...(targets.region && { region: targets.region }),
    bodyText,
    tags: bodies.tags,
    ...(parentIri && { parentIri }),
    ...(envelope.id && { id: envelope.id }),
    ...(sourceIri && { sourceIri }),
    ...creatorOf(envelope.creator),
    ...(envelope.created && { created: envelope.created }),
    ...(envelope.modified && { modified: envelope.modified }),
    ...(bodies.correction !== undefined && { correction: bodies.correction }),
    ...(bodies.category !== undefined && { category: bodies.category }),
    ...(guide && { guide }),
  };
}

/**
 * Reads one W3C Web Annotation (an object or its JSON text) into the import
 * shape. Accepts our own exports and Hypothesis-style JSON-LD: targets may be
 * an IRI, an object or an array; selectors an object or an array, where
 * TextQuoteSelector and top-level TextPositionSelector are read and others
 * (RangeSelector, XPathSelector…) ignored; bodies a bodyValue string, a
 * TextualBody, a Choice or an array of them, sorted by purpose (tagging → tags,
 * editing → correction, classifying → category, i.e. a flag's category or a
 * highlight's code, the rest → bodyText);
 * text/html bodies are reduced to plain text, IRI (external) bodies skipped.
 * Malformed input never throws: it comes back with sentences saying why.
 */
export function fromW3CAnnotation(json: unknown): W3CImportResult {
  try {
    return { ok: true, annotation: read(json) };
  } catch (error) {
    if (!(error instanceof ImportIssue)) throw error;
    return { ok: false, message: error.message, issues: error.issues };
  }
}
