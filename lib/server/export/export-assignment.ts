import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { requireReviewAssignment } from "@/lib/server/assignments/find-review-assignment";
import { toAnnotationCollection, type W3CAnnotationCollection, type W3CAnnotationPage } from "@/lib/w3c";
import { requireAbsoluteUrl } from "@/lib/w3c/iri";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { describeOnPage, readStoredGeometry, spanBox, type SourceGeometry } from "@/lib/sources";
import type { SourceRefinement } from "@/lib/w3c";
import { toExportItems } from "./to-export-items";

/**
 * Where a passage placed on the current revision stands in the reading's file:
 * its PDF page with the quote within that page, or, on a picture (a scan
 * uploaded as an image), the box around its words.
 */
function sourceRefinement(text: string, geometry: SourceGeometry, span: AnnotationDTO["span"]): SourceRefinement | undefined {
  if (!span) return undefined;
  if (geometry.kind === "pdf") {
    const onPage = describeOnPage(text, geometry, span);
    return onPage ? { page: { number: onPage.page, quote: { exact: onPage.exact, prefix: onPage.prefix, suffix: onPage.suffix } } } : undefined;
  }
  const box = geometry.pages.length === 1 ? spanBox(geometry, span) : null;
  return box ? { region: box.box } : undefined;
}

/** Annotations per page of the paged export: small enough to page, large enough that few classes need to. */
export const EXPORT_PAGE_SIZE = 100;

/** The collection, the requested page (null when none was asked for) and a file name for downloads. */
export interface AssignmentExport {
  collection: W3CAnnotationCollection;
  page: W3CAnnotationPage | null;
  filename: string;
}

/** The collection as one file: its single page embedded as `first`. */
export type DownloadDocument = Omit<W3CAnnotationCollection, "first"> & {
  first?: string | Omit<W3CAnnotationPage, "@context">;
};

/**
 * The IRI of an assignment's export. The download is a separate resource
 * (`?download=1`) because it pages differently: one page holding everything,
 * so the page IRI inside the file names what the file actually contains.
 */
export function exportCollectionIri(baseUrl: string, assignmentId: string, isDownload = false): string {
  const iri = `${baseUrl}/api/assignments/${encodeURIComponent(assignmentId)}/annotations.jsonld`;
  return isDownload ? `${iri}?download=1` : iri;
}

/**
 * Exports an assignment's annotations as a W3C AnnotationCollection and,
 * when `page` is given (0-based), that AnnotationPage. Teachers of the class
 * only: anyone else gets the same not_found as a missing assignment. The
 * annotations are what findAnnotations shows that teacher, so other people's
 * private annotations can never be exported; see toExportItems for what else
 * is left out. A page past the end is not_found.
 *
 * With `isDownload`, the collection has one page holding every annotation
 * (use toDownloadDocument to embed it).
 */
export async function exportAssignment({
  viewerId,
  assignmentId,
  baseUrl,
  page,
  pageSize = EXPORT_PAGE_SIZE,
  isDownload = false,
}: {
  viewerId: string;
  assignmentId: string;
  baseUrl: string;
  page?: number;
  pageSize?: number;
  isDownload?: boolean;
}): Promise<AssignmentExport> {
  const origin = requireAbsoluteUrl(baseUrl, "baseUrl");
  const assignment = await requireReviewAssignment({ viewerId, assignmentId });
  const list = await findAnnotations({ viewerId, assignmentId });
  // The DTO places annotations on the current revision; orphans keep selectors
  // of an older one, and the file must say which text those offsets count in.
  // These ids came out of the visibility-checked list, so this reveals nothing.
  const [rows, current] = await Promise.all([
    db.annotation.findMany({
      where: { assignmentId, id: { in: list.annotations.map((a) => a.id) } },
      select: { id: true, revisionId: true },
    }),
    db.essayRevision.findUnique({ where: { id: assignment.revision.id }, select: { text: true, geometry: true } }),
  ]);
  const geometry = readStoredGeometry(current?.geometry);
  const items = toExportItems(list.annotations, {
    baseUrl: origin,
    essaySlug: assignment.essay.slug,
    revisionOf: new Map(rows.map((r) => [r.id, r.revisionId])),
    currentRevisionId: assignment.revision.id,
    codeLabels: new Map(list.codes.map((c) => [c.id, c.label])),
    ...(geometry && current ? { refinementOf: (a: AnnotationDTO) => sourceRefinement(current.text, geometry, a.span) } : {}),
  });
  const documents = toAnnotationCollection(items, {
    id: exportCollectionIri(origin, assignmentId, isDownload),
    label: `Annotations on “${assignment.essay.title}”, ${assignment.className}`,
    pageSize: isDownload ? Math.max(items.length, 1) : pageSize,
    page: page ?? 0,
  });
  if (page !== undefined && !documents.page) throw notFound("That page of the export");
  return {
    collection: documents.collection,
    page: page === undefined ? null : documents.page,
    // Only safe characters: the name goes into a Content-Disposition header.
    filename: `marginalia-${assignment.essay.slug}-${assignmentId}.jsonld`.replace(/[^\w.-]+/g, "-"),
  };
}

/**
 * The download file: the collection with its one page embedded as `first`
 * (model 5.1 allows an embedded page there). Pages cannot be chained inside
 * one document, since `next` must be an IRI, hence a single page. An empty
 * collection has no `first`, as the model asks.
 */
export function toDownloadDocument(collection: W3CAnnotationCollection, page: W3CAnnotationPage | null): DownloadDocument {
  if (!page || collection.total === 0) return collection;
  // The page inherits the collection's @context: embedded nodes do not repeat it.
  const { "@context": _context, ...embedded } = page;
  return { ...collection, first: embedded };
}
