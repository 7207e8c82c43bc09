/**
 * The reader, opened on an assignment; `annotationId` names one annotation in
 * it (the reader may scroll to it; unknown parameters are ignored).
 */
export function readerHref(assignment: { id: string; essaySlug: string }, annotationId?: string): string {
  const query = new URLSearchParams({ assignment: assignment.id, ...(annotationId ? { annotation: annotationId } : {}) });
  return `/essays/${encodeURIComponent(assignment.essaySlug)}?${query.toString()}`;
}
