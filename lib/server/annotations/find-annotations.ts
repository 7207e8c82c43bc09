import "server-only";
import type { AnnotationDTO, AnnotationListDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { readLogPosition } from "@/lib/server/live/log-position";
import { notFound } from "@/lib/errors";
import { findAssignmentAccess, type AssignmentAccess } from "@/lib/server/classes/find-assignment-access";
import { loadClassCodes } from "@/lib/server/highlight-codes/find-highlight-codes";
import { hintsVisibleTo } from "@/lib/server/hints/hint-visibility";
import { annotationInclude, loadDtoContext, toAnnotationDTO } from "./annotation-dto";
import { peerFlagsVisibleWhere, visibleAnnotationById, visibleAnnotationWhere } from "./visibility";

/** Every annotation of an assignment the viewer may see, in text order; 404 for non-members. */
export async function findAnnotations({
  viewerId,
  assignmentId,
}: {
  viewerId: string;
  assignmentId: string;
}): Promise<AnnotationListDTO> {
  // Read the log position before the rows: anything newer reaches the reader
  // through the live stream. Reads that do not depend on each other run together.
  const [access, lastEventId] = await Promise.all([findAssignmentAccess({ viewerId, assignmentId }), readLogPosition({ assignmentId })]);
  if (!access) throw notFound("That assignment");
  const [rows, peerFlags, codes] = await Promise.all([
    db.annotation.findMany({
      where: { AND: [{ assignmentId }, visibleAnnotationWhere(viewerId)] },
      include: annotationInclude,
      orderBy: [{ startCp: "asc" }, { createdAt: "asc" }],
    }),
    db.assignment.count({ where: { id: assignmentId, ...peerFlagsVisibleWhere(viewerId, new Date()) } }),
    loadClassCodes(access.assignment.classroomId),
  ]);
  const ctx = await dtoContextFor(access, viewerId, flagIdsOf(rows));
  return {
    assignmentId,
    revisionId: access.revision.id,
    viewer: { id: viewerId, role: access.role },
    peerFlagsVisible: peerFlags > 0,
    hintsVisible: hintsVisibleTo(access),
    lastEventId,
    codes,
    annotations: rows.map((row) => toAnnotationDTO(row, ctx)),
  };
}

/** One annotation, if the viewer may see it; otherwise the same 404 as a missing id. */
export async function findAnnotation({ viewerId, annotationId }: { viewerId: string; annotationId: string }) {
  const row = await db.annotation.findFirst({
    where: visibleAnnotationById(viewerId, annotationId),
    include: annotationInclude,
  });
  if (!row) throw notFound("That annotation");
  const access = await findAssignmentAccess({ viewerId, assignmentId: row.assignmentId });
  if (!access) throw notFound("That annotation");
  return { annotation: toAnnotationDTO(row, await dtoContextFor(access, viewerId, flagIdsOf([row]))), row, access };
}

/**
 * One annotation as the viewer sees it now, for a write's answer or a single
 * read, stamped with the change-log position it is current to (`asOf`, read
 * before the row), so the reader can tell it from an older answer.
 */
export async function reloadAnnotation(viewerId: string, annotationId: string): Promise<AnnotationDTO> {
  const asOf = await readLogPosition({ annotationId });
  return { ...(await findAnnotation({ viewerId, annotationId })).annotation, asOf };
}

export function dtoContextFor(access: AssignmentAccess, viewerId: string, flagIds: string[] = []) {
  return loadDtoContext({
    viewerId,
    assignmentId: access.assignment.id,
    classroomId: access.assignment.classroomId,
    role: access.role,
    anonymousPeers: access.assignment.anonymousPeers,
    revision: access.revision,
    flagIds,
  });
}

function flagIdsOf(rows: { id: string; kind: string }[]): string[] {
  return rows.filter((r) => r.kind === "flag").map((r) => r.id);
}
