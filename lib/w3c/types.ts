import type { TiptapDoc } from "@/lib/rich-text";
import type { Region } from "@/lib/sources/regions";
import type { ANNO_CONTEXT, W3CMotivation } from "./vocabulary";

/** The four kinds of annotation a student can make. */
export type AnnotationKind = "highlight" | "comment" | "reply" | "flag";

/** A quoted passage with a little context, as in a TextQuoteSelector. */
export interface QuoteSpan {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Offsets in Unicode code points into the essay text, end exclusive. */
export interface PositionSpan {
  start: number;
  end: number;
}

/** One annotation as the app hands it to the exporter (mapped from DB rows). */
export interface ExportAnnotation {
  id: string;
  kind: AnnotationKind;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string };
  /** Comment/reply text, or a flag's rationale. Validated Tiptap JSON. */
  body?: TiptapDoc;
  tags: string[];
  /** Required for replies: the id of the annotation replied to. */
  parentId?: string;
  quote?: QuoteSpan;
  position?: PositionSpan;
  /** Where the passage stands in the file a reading was made from (a PDF page, a region of a picture). */
  refinement?: SourceRefinement;
  flag?: { category: string; correction: string; status: string };
  /** A teacher's guiding question or instruction: motivation `questioning` or `describing`. */
  guide?: "question" | "instruction";
  /** The class's highlight code it carries (its label), for highlights and comments. */
  code?: string;
}

/**
 * A passage of a reading made from a file, located in that file as well: the
 * PDF page it stands on (1-based) with its quote within that page, and/or the
 * box around its words on a picture, in the picture's pixels.
 */
export interface SourceRefinement {
  page?: { number: number; quote: Required<QuoteSpan> };
  region?: { x: number; y: number; w: number; h: number };
  /** A region marked on a picture reading (no words): a rectangle or a polygon, in the picture's pixels. */
  shape?: Region;
}

/** Where exported IRIs point. Both must be absolute http(s) URLs. */
export interface W3CExportOptions {
  /** App origin (and optional path prefix), e.g. "https://marginalia.example". */
  baseUrl: string;
  /** IRI of the essay the annotations target. */
  sourceUrl: string;
}

/** An embedded textual body. We only ever emit text/plain. */
export interface W3CTextualBody {
  type: "TextualBody";
  value: string;
  format?: "text/plain";
  purpose?: W3CMotivation;
}

/** Describes a passage by its text and surrounding context. */
export interface W3CTextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Describes a passage by code-point offsets into the source text. */
export interface W3CTextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/**
 * A fragment of the source by a fragment-identifier standard: `page=N` of a PDF
 * (RFC 3778), refined by the quote within that page; or `xywh=pixel:…` of a
 * picture (W3C Media Fragments).
 */
export interface W3CFragmentSelector {
  type: "FragmentSelector";
  conformsTo: string;
  value: string;
  refinedBy?: W3CTextQuoteSelector;
}

/** A polygon on a picture, as an SVG document holding one `<polygon>` (model 4.2.8), written from numbers. */
export interface W3CSvgSelector {
  type: "SvgSelector";
  value: string;
}

/** A selector we emit. */
export type W3CSelector = W3CTextQuoteSelector | W3CTextPositionSelector | W3CFragmentSelector | W3CSvgSelector;

/** A passage of the essay. */
export interface W3CSpecificResource {
  type: "SpecificResource";
  source: string;
  selector?: W3CSelector[];
}

/** A person as creator of an annotation. */
export interface W3CPerson {
  id: string;
  type: "Person";
  name: string;
}

/** A single exported Web Annotation. */
export interface W3CAnnotation {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: W3CMotivation;
  created: string;
  modified: string;
  creator: W3CPerson;
  body?: W3CTextualBody[];
  /** A passage, the parent annotation's IRI (replies), or both. */
  target: W3CSpecificResource | string | (W3CSpecificResource | string)[];
}

/** An AnnotationCollection document (model section 5.1). */
export interface W3CAnnotationCollection {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: string;
  last?: string;
}

/** An AnnotationPage document (model section 5.2). */
export interface W3CAnnotationPage {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationPage";
  partOf: { id: string; label: string; total: number };
  startIndex: number;
  next?: string;
  prev?: string;
  items: W3CAnnotation[];
}

/** What an imported annotation becomes before the app maps it to rows. */
export interface ImportedAnnotation {
  kind: AnnotationKind;
  quote?: QuoteSpan;
  position?: PositionSpan;
  /** Plain text of the commenting/replying body ("" when none). */
  bodyText: string;
  tags: string[];
  /** For replies: IRI of the annotation replied to. */
  parentIri?: string;
  /** The annotation's own IRI, when it has one. */
  id?: string;
  /** IRI of the annotated document. */
  sourceIri?: string;
  creatorName?: string;
  creatorIri?: string;
  created?: Date;
  modified?: Date;
  /** A region of a picture (FragmentSelector `xywh=` or an SvgSelector polygon), read strictly. */
  region?: Region;
  /** A flag's proposed correction (body with purpose "editing"). */
  correction?: string;
  /** A flag's category, or a highlight's or comment's code (body with purpose "classifying"). */
  category?: string;
  /** A teacher's guide: motivation `questioning` (question) or `describing` (instruction) with an audience of students. */
  guide?: "question" | "instruction";
}
