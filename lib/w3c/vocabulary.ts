/** The JSON-LD context IRI every document we emit carries. */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/**
 * Motivations and purposes defined by the Web Annotation vocabulary
 * (model 3.3.5). Anything else is not understood by other W3C clients.
 */
export const W3C_MOTIVATIONS = [
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
] as const;

/** One of W3C_MOTIVATIONS. */
export type W3CMotivation = (typeof W3C_MOTIVATIONS)[number];

/** `conformsTo` of a FragmentSelector naming a PDF page (`page=N`), RFC 3778 as the model's table lists it. */
export const PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778";
/** `conformsTo` of a FragmentSelector naming a region of a picture (`xywh=`), W3C Media Fragments. */
export const MEDIA_FRAGMENT = "http://www.w3.org/TR/media-frags/";
