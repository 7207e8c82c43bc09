import { plainTextOf } from "@/lib/rich-text";
import { toFragmentValue, toSvgValue } from "@/lib/sources/regions";
import { annotationIri, requireAbsoluteUrl, userIri } from "./iri";
import type {
  ExportAnnotation,
  W3CAnnotation,
  W3CExportOptions,
  W3CSelector,
  W3CSpecificResource,
  W3CTextualBody,
} from "./types";
import { ANNO_CONTEXT, MEDIA_FRAGMENT, PDF_FRAGMENT, type W3CMotivation } from "./vocabulary";

function textualBody(value: string, purpose: W3CMotivation): W3CTextualBody {
  // Always text/plain: exported files must never carry HTML a consumer might
  // inject. The rich formatting stays in the app (and its Markdown export).
  return { type: "TextualBody", value, format: "text/plain", purpose };
}

/** A guide's motivation, also its text's purpose: a question questions the passage; an instruction describes what to do with it. */
function guideMotivation(guide: "question" | "instruction"): W3CMotivation {
  return guide === "question" ? "questioning" : "describing";
}

function motivationOf(a: ExportAnnotation): W3CMotivation {
  if (a.guide && a.kind === "comment") return guideMotivation(a.guide);
  switch (a.kind) {
    case "highlight":
      return "highlighting";
    case "comment":
      return "commenting";
    case "reply":
      return "replying";
    case "flag":
      // "editing" promises a correction; without one the flag only assesses.
      return a.flag?.correction.trim() ? "editing" : "assessing";
  }
}

function bodiesOf(a: ExportAnnotation): W3CTextualBody[] {
  const bodies: W3CTextualBody[] = [];
  const text = a.body ? plainTextOf(a.body) : "";

  if (a.kind === "flag" && a.flag) {
    if (a.flag.correction.trim()) bodies.push(textualBody(a.flag.correction, "editing"));
    if (text.trim()) bodies.push(textualBody(text, "commenting"));
    // The category is what kind of error this is: a classification of the target.
    if (a.flag.category.trim()) bodies.push(textualBody(a.flag.category, "classifying"));
  } else if (a.kind === "comment" || a.kind === "reply") {
    const purpose = a.kind === "reply" ? "replying" : a.guide ? guideMotivation(a.guide) : "commenting";
    if (text.trim()) bodies.push(textualBody(text, purpose));
  }
  // The class's highlight code (claim, evidence…) classifies the passage, as a flag's category does.
  if (a.kind !== "flag" && a.kind !== "reply" && a.code?.trim()) bodies.push(textualBody(a.code, "classifying"));
  for (const tag of a.tags) {
    if (tag.trim()) bodies.push(textualBody(tag, "tagging"));
  }
  return bodies;
}

/**
 * The same passage named in the file the reading was made from: each selector
 * of a list identifies the same segment, so these stand beside the text
 * selectors rather than replacing them (a consumer without the PDF still has
 * the quote).
 */
function refinementSelectors(a: ExportAnnotation): W3CSelector[] {
  const out: W3CSelector[] = [];
  const page = a.refinement?.page;
  if (page) {
    if (!Number.isInteger(page.number) || page.number < 1) throw new RangeError(`annotation ${a.id}: page must be a whole number from 1`);
    out.push({
      type: "FragmentSelector",
      conformsTo: PDF_FRAGMENT,
      value: `page=${page.number}`,
      refinedBy: { type: "TextQuoteSelector", exact: page.quote.exact, prefix: page.quote.prefix, suffix: page.quote.suffix },
    });
  }
  const shape = a.refinement?.shape;
  if (shape?.type === "rect") out.push({ type: "FragmentSelector", conformsTo: MEDIA_FRAGMENT, value: toFragmentValue(shape) });
  if (shape?.type === "polygon") out.push({ type: "SvgSelector", value: toSvgValue(shape) });
  const region = a.refinement?.region;
  if (region) {
    const [x, y, w, h] = [region.x, region.y, region.w, region.h].map((n) => Math.max(0, Math.round(n)));
    out.push({ type: "FragmentSelector", conformsTo: MEDIA_FRAGMENT, value: `xywh=pixel:${x},${y},${w},${h}` });
  }
  return out;
}

function passageOf(a: ExportAnnotation, sourceUrl: string): W3CSpecificResource | null {
  const selector: W3CSelector[] = [];
  if (a.quote) {
    selector.push({
      type: "TextQuoteSelector",
      exact: a.quote.exact,
      ...(a.quote.prefix !== undefined && { prefix: a.quote.prefix }),
      ...(a.quote.suffix !== undefined && { suffix: a.quote.suffix }),
    });
  }
  if (a.position) {
    const { start, end } = a.position;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      throw new RangeError(`annotation ${a.id}: position must be whole numbers with 0 ≤ start ≤ end`);
    }
    selector.push({ type: "TextPositionSelector", start, end });
  }
  selector.push(...refinementSelectors(a));
  if (a.kind === "reply" && selector.length === 0) return null;
  return selector.length
    ? { type: "SpecificResource", source: sourceUrl, selector }
    : { type: "SpecificResource", source: sourceUrl };
}

/**
 * Maps one annotation to a W3C Web Annotation (JSON-LD, model sections 3–4).
 *
 * - highlight → `highlighting`, no body (tag bodies only, if tagged);
 * - comment → `commenting`, one text/plain TextualBody with the plain text;
 * - reply → `replying`, target = the parent annotation's IRI (plus the passage
 *   when the reply carries selectors of its own);
 * - flag → `editing` when a correction is given, else `assessing`; bodies:
 *   correction (purpose editing), rationale (commenting), category (classifying);
 * - guide (a teacher's comment pinned for the class) → `questioning` for a
 *   question, `describing` for an instruction, its text with the same purpose;
 * - a highlight code (claim, evidence…) → TextualBody with purpose `classifying`
 *   on a highlight or comment, its label as the value;
 * - tags → TextualBody with purpose `tagging`, on any kind.
 *
 * The flag's status is not exported: the model has no term for it.
 * Throws TypeError on relative URLs or a reply without parentId.
 */
export function toW3CAnnotation(a: ExportAnnotation, options: W3CExportOptions): W3CAnnotation {
  const baseUrl = requireAbsoluteUrl(options.baseUrl, "baseUrl");
  const sourceUrl = requireAbsoluteUrl(options.sourceUrl, "sourceUrl");

  let target: W3CAnnotation["target"];
  const passage = passageOf(a, sourceUrl);
  if (a.kind === "reply") {
    if (!a.parentId) throw new TypeError(`reply ${a.id} has no parentId`);
    const parent = annotationIri(baseUrl, a.parentId);
    target = passage ? [parent, passage] : parent;
  } else {
    target = passage as W3CSpecificResource;
  }

  const body = bodiesOf(a);
  return {
    "@context": ANNO_CONTEXT,
    id: annotationIri(baseUrl, a.id),
    type: "Annotation",
    motivation: motivationOf(a),
    created: a.createdAt.toISOString(),
    modified: a.updatedAt.toISOString(),
    creator: { id: userIri(baseUrl, a.author.id), type: "Person", name: a.author.name },
    ...(body.length > 0 && { body }),
    target,
  };
}
