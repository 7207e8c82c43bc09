import { pageIri, requireAbsoluteUrl } from "./iri";
import type { W3CAnnotation, W3CAnnotationCollection, W3CAnnotationPage } from "./types";
import { ANNO_CONTEXT } from "./vocabulary";

/** How to present a list of annotations as a collection. */
export interface CollectionOptions {
  /** Absolute IRI of the collection; pages are `${id}?page=N`. */
  id: string;
  label: string;
  /** Annotations per page, a positive whole number. */
  pageSize: number;
  /** Which page to build, 0-based (the W3C protocol examples start at 0). */
  page: number;
}

/** The collection document and the requested page (null when out of range). */
export interface CollectionDocuments {
  collection: W3CAnnotationCollection;
  page: W3CAnnotationPage | null;
}

/**
 * Wraps annotations (already mapped with toW3CAnnotation, in display order) in
 * an AnnotationCollection and one AnnotationPage (model section 5). `first`
 * and `last` are omitted for an empty collection, as the model asks; an empty
 * collection still has page 0, with no items. Items keep their own @context
 * so each one stays a valid standalone annotation when copied out.
 */
export function toAnnotationCollection(
  items: readonly W3CAnnotation[],
  options: CollectionOptions,
): CollectionDocuments {
  const { label, pageSize, page } = options;
  const id = requireAbsoluteUrl(options.id, "collection id");
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a positive whole number, got ${pageSize}`);
  }

  const total = items.length;
  const pageCount = Math.ceil(total / pageSize);
  const lastIndex = Math.max(pageCount - 1, 0);

  const collection: W3CAnnotationCollection = {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label,
    total,
    ...(total > 0 && { first: pageIri(id, 0), last: pageIri(id, lastIndex) }),
  };

  if (!Number.isInteger(page) || page < 0 || page > lastIndex) {
    return { collection, page: null };
  }
  const startIndex = page * pageSize;
  return {
    collection,
    page: {
      "@context": ANNO_CONTEXT,
      id: pageIri(id, page),
      type: "AnnotationPage",
      partOf: { id, label, total },
      startIndex,
      ...(page < lastIndex && { next: pageIri(id, page + 1) }),
      ...(page > 0 && { prev: pageIri(id, page - 1) }),
      items: items.slice(startIndex, startIndex + pageSize),
    },
  };
}
