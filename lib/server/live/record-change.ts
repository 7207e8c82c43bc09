import "server-only";
import type { AnnotationKind, ChangeEventDTO, Scope } from "@/lib/annotations/types";
import type { Tx } from "@/lib/db";

/** The PostgreSQL channel every app instance listens on. */
export const LIVE_CHANNEL = "marginalia_events";

/**
 * Appends to the assignment's change log and notifies every instance, inside
 * the caller's transaction: the NOTIFY is delivered only if the write commits,
 * and the log row is what reconnecting readers catch up from.
 */
export async function recordChange(
  tx: Tx,
  change: {
    assignmentId: string;
    type: ChangeEventDTO["type"];
    entityId: string;
    actorId: string | null;
    /** Scope and author of the root annotation: who may hear of this change. */
    scope: Scope | null;
    ownerId: string | null;
    /** Kind of the root annotation (null for whole-assignment events). */
    kind: AnnotationKind | null;
  },
): Promise<void> {
  await tx.changeEvent.create({ data: change });
  await tx.$executeRaw`select pg_notify(${LIVE_CHANNEL}, ${change.assignmentId})`;
}
