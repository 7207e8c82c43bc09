import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";
import { recordChange, rootGroup } from "@/lib/server/live/record-change";
import { reloadAnnotation } from "./find-annotations";

/**
 * A teacher hides an annotation from the class, or shows it again. Who may
 * is part of the query: teachers of the annotation's class, and only on the
 * class and teacher scopes they can see (never a student's private note).
 * Anyone else, and a missing id, get the same not_found.
 *
 * What hiding does is decided by the visibility rule (visibility.ts): the
 * author and the class's teachers still see it, marked hidden; classmates do
 * not. The version is not bumped: hiding changes nothing the author wrote,
 * so an edit they have open must not turn into a conflict.
 *
 * The flag, its audit entry and the live event are one transaction. Asking
 * for the state it is already in changes nothing and records nothing.
 */
export async function hideAnnotation({
  viewerId,
  annotationId,
  hidden,
}: {
  viewerId: string;
  annotationId: string;
  hidden: boolean;
}): Promise<AnnotationDTO> {
  const row = await db.annotation.findFirst({
    where: { id: annotationId, scope: { in: ["class", "teachers"] }, assignment: taughtBy(viewerId) },
    select: { id: true, assignmentId: true, authorId: true, scope: true, kind: true },
  });
  if (!row) throw notFound("That annotation");

  await db.$transaction(async (tx) => {
    // Conditional on the current state, so two teachers clicking at once leave one audit entry, not two.
    const changed = await tx.annotation.updateMany({
      where: { id: annotationId, hiddenAt: hidden ? null : { not: null } },
      data: hidden ? { hiddenAt: new Date(), hiddenById: viewerId } : { hiddenAt: null, hiddenById: null },
    });
    if (changed.count === 0) return;
    await tx.auditEvent.create({
      data: {
        actorId: viewerId,
        entityType: "annotation",
        entityId: annotationId,
        action: hidden ? "hidden" : "unhidden",
        fromState: hidden ? "visible" : "hidden",
        toState: hidden ? "hidden" : "visible",
      },
    });
    await recordChange(tx, {
      assignmentId: row.assignmentId,
      type: "annotation.updated",
      entityId: annotationId,
      actorId: viewerId,
      // The thread's own scope, not its audienceScope: classmates' readers must drop it (or regain it) now.
      scope: row.scope,
      ownerId: row.authorId,
      kind: row.kind,
      groupId: rootGroup(annotationId),
    });
  });
  return reloadAnnotation(viewerId, annotationId);
}
