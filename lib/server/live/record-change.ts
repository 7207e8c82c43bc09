import "server-only";
import type { AnnotationKind, ChangeType, Scope } from "@/lib/annotations/types";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** The PostgreSQL channel every app instance listens on. */
export const LIVE_CHANNEL = "marginalia_events";

/** Namespace of the per-assignment advisory locks (the two-key form keeps them apart from others). */
export const CHANGE_LOG_LOCK = 727_002;

/**
 * Appends to the assignment's change log and notifies every instance, inside
 * the caller's transaction: the NOTIFY is delivered only if the write commits,
 * and the log row is what reconnecting readers catch up from.
 *
 * Readers follow the log by id ("everything after the last id I saw"), which
 * is only sound if ids become visible in order. A sequence hands out ids when
 * rows are inserted, not when they commit, so two concurrent writes could
 * commit 101 before 100 and a reader would skip 100 for good. Holding a
 * per-assignment lock from the insert to the commit makes id order equal
 * commit order within the assignment; the hold is the end of one write.
 */
export async function recordChange(tx: Tx, change: Change): Promise<void> {
  // Lock, notify (delivered at commit) and log entry in one round trip, so the
  // serialised stretch is this statement and the commit.
  await tx.$executeRaw`with inserted as (select 1), ${changeLogSteps(change)} select 1`;
}

/**
 * recordChange as steps of a single-statement write: CTEs to follow a CTE
 * named `inserted` (the row being written). The log entry is made only if
 * that row was, and takes the per-assignment lock before drawing its id, so
 * log order stays commit order. A statement outside a transaction is its own.
 * `logged` returns the entry's id: the write's own log position.
 */
export function changeLogSteps(change: Change): Prisma.Sql {
  return Prisma.sql`lock as (
      select pg_advisory_xact_lock(${CHANGE_LOG_LOCK}::int, hashtext(${change.assignmentId})),
             pg_notify(${LIVE_CHANNEL}, ${change.assignmentId})
    ), logged as (
      insert into change_events ("assignmentId", type, "entityId", "actorId", scope, "ownerId", kind)
      select ${change.assignmentId}, ${change.type}, ${change.entityId}, ${change.actorId}, ${change.scope}::"Scope",
             ${change.ownerId}, ${change.kind}::"AnnotationKind"
        from inserted, lock
      returning id
    )`;
}

export interface Change {
  assignmentId: string;
  type: ChangeType;
  entityId: string;
  actorId: string | null;
  /** Scope and author of the root annotation: who may hear of this change. */
  scope: Scope | null;
  ownerId: string | null;
  /** Kind of the root annotation (null for whole-assignment events). */
  kind: AnnotationKind | null;
}
