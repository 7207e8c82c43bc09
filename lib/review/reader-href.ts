/**
 * The reader, opened on an assignment; `annotationId` names one annotation in
 * it (the reader may scroll to it; unknown parameters are ignored).
 */
export function readerHref(assignment: { id: string; essaySlug: string }, annotationId?: string): string {
  const query = new URLSearchParams({ assignment: assignment.id, ...(annotationId ? { annotation: annotationId } : {}) });
  return `/essays/${encodeURIComponent(assignment.essaySlug)}?${query.toString()}`;
}

/**
 * The reader, opened on an assignment and showing one student's annotations
 * alone (the reader may add support for `student` later; until then it
 * ignores it and shows everything).
 */
export function studentReaderHref(assignment: { id: string; essaySlug: string }, studentId: string): string {
  const query = new URLSearchParams({ assignment: assignment.id, student: studentId });
  return `/essays/${encodeURIComponent(assignment.essaySlug)}?${query.toString()}`;
}
