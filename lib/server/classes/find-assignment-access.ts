import "server-only";
import type { ClassRole } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { HintVisibility, PeerFlagVisibility } from "@/lib/generated/prisma/client";
import { cachedRevision } from "@/lib/server/essays/revision-cache";

interface AccessRow {
  id: string;
  classroomId: string;
  essayId: string;
  essaySlug: string;
  dueAt: Date;
  anonymousPeers: boolean;
  peerFlagVisibility: PeerFlagVisibility;
  hintVisibility: HintVisibility;
  role: ClassRole;
  revisionId: string;
  archivedAt: Date | null;
  gradesToPlatform: boolean;
}

/**
 * The assignment as the viewer may use it: null unless the viewer belongs to
 * its class. Carries the viewer's role and the essay's current revision, which
 * every annotation write is checked against.
 *
 * Every annotation request starts here, so it is one query (membership,
 * assignment, essay and newest revision id); the revision's text comes from
 * the per-process cache, since revisions never change.
 */
export async function findAssignmentAccess({ viewerId, assignmentId }: { viewerId: string; assignmentId: string }) {
  const [row] = await db.$queryRaw<AccessRow[]>`
    select a.id, a."classroomId", a."essayId", e.slug as "essaySlug", a."dueAt", a."anonymousPeers",
           a."peerFlagVisibility"::text as "peerFlagVisibility", a."hintVisibility"::text as "hintVisibility",
           m.role::text as role, r.id as "revisionId", a."archivedAt",
           exists (select 1 from lti_resource_links l where l."assignmentId" = a.id) as "gradesToPlatform"
      from assignments a
      join memberships m on m."classroomId" = a."classroomId" and m."userId" = ${viewerId}
      join essays e on e.id = a."essayId"
      join lateral (select id from essay_revisions where "essayId" = a."essayId" order by number desc limit 1) r on true
     where a.id = ${assignmentId}`;
  if (!row) return null;
  const revision = await cachedRevision(row.revisionId);
  if (!revision) return null;
  return {
    assignment: {
      id: row.id,
      classroomId: row.classroomId,
      essayId: row.essayId,
      essaySlug: row.essaySlug,
      dueAt: row.dueAt,
      anonymousPeers: row.anonymousPeers,
      peerFlagVisibility: row.peerFlagVisibility,
      hintVisibility: row.hintVisibility,
      isArchived: row.archivedAt !== null,
      /** Linked from a learning platform's course: students' work feeds its gradebook (lib/server/lti/score-sync.ts). */
      gradesToPlatform: row.gradesToPlatform,
    },
    role: row.role,
    revision,
  };
}

/** Refuses (409) a new annotation, flag or reply on an archived assignment: it is read-only. */
export function requireOpenAssignment(access: { assignment: { isArchived: boolean } }): void {
  if (access.assignment.isArchived) throw new AppError("conflict", ARCHIVED);
}

export const ARCHIVED = "This assignment is archived: it can be read, but not changed. Ask your teacher to bring it back.";

export type AssignmentAccess = NonNullable<Awaited<ReturnType<typeof findAssignmentAccess>>>;
