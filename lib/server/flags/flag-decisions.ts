import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";
import type { ReviewFlagInput } from "@/lib/validation/flag";
import { recordFlagChange, type VisibleFlag } from "./find-flag";

/**
 * What every teacher decision on flags (review, merge, unmerge) shares: the
 * row locks, the stale-version sentence, and the write that carries its own
 * access check.
 */

/** A flag row as it stands under this transaction's lock. */
export interface LockedFlag {
  annotationId: string;
  status: string;
  correction: string;
  mergedIntoId: string | null;
  reviewVersion: number;
}

export const STALE_FLAG_MESSAGE =
  "This flag was changed meanwhile (another tab or a co-teacher). Reload to see where it stands now, then decide again.";

/**
 * Locks the given flags (in id order, so two decisions naming the same pair
 * in opposite directions queue instead of deadlocking) and returns them as
 * they stand now. The lock reads nothing the caller may not see: access is
 * checked by the conditional writes that follow, which answer 404 when it fails.
 */
export async function lockFlags(tx: Tx, ids: string[]): Promise<Map<string, LockedFlag>> {
  const rows = await tx.$queryRaw<LockedFlag[]>`
    select "annotationId", status::text as status, correction, "mergedIntoId", "reviewVersion" from flags
    where "annotationId" in (${Prisma.join(ids)}) order by "annotationId" for update`;
  return new Map(rows.map((r) => [r.annotationId, r]));
}

/**
 * Writes a decision on one flag only if the viewer still teaches its class,
 * the flag is still live, nobody decided since `locked` was read, and it
 * stands as `status` expects (not merged, unless an unmerge says otherwise):
 * the access check is the write's own `where`, not an earlier read. Every
 * write bumps the flag's reviewVersion.
 */
export async function writeDecision(
  tx: Tx,
  viewerId: string,
  locked: LockedFlag,
  data: Prisma.FlagUncheckedUpdateManyInput,
  status: Prisma.FlagWhereInput["status"] = { not: "merged" },
) {
  const written = await tx.flag.updateMany({
    where: {
      annotationId: locked.annotationId,
      reviewVersion: locked.reviewVersion,
      status,
      annotation: { kind: "flag", deletedAt: null, assignment: taughtBy(viewerId) },
    },
    data: { ...data, reviewVersion: { increment: 1 } },
  });
  if (written.count === 0) throw notFound("That flag");
}

/** Decisions on flags are the class's teachers' alone. */
export function requireTeacher(flag: Pick<VisibleFlag, "role">) {
  if (flag.role !== "teacher") throw new AppError("forbidden", "Only the class's teachers can review flags.");
}

/**
 * One review decision under the caller's lock: the checks against the row as
 * locked (still there, not merged, the version the teacher saw), the write,
 * its audit entries and the live event, all in the caller's transaction. A
 * single decision (reviewFlag) and a finding's decision over several flags
 * (reviewFlags) both go through here. Answers the correction as decided.
 */
export async function writeReview(
  tx: Tx,
  { viewerId, flag, locked, input }: { viewerId: string; flag: VisibleFlag; locked: LockedFlag | undefined; input: Omit<ReviewFlagInput, "version"> & { version?: number } },
) {
  if (!locked) throw notFound("That flag");
  if (locked.status === "merged") throw new AppError("conflict", "This flag was merged into another; review that one.");
  if (input.version !== undefined && input.version !== locked.reviewVersion) throw new AppError("conflict", STALE_FLAG_MESSAGE);
  const correction = input.status === "verified" && input.correction !== undefined ? input.correction : locked.correction;
  await writeDecision(tx, viewerId, locked, { status: input.status, statusReason: input.reason || null, correction });
  const audit = { actorId: viewerId, entityType: "flag", entityId: locked.annotationId };
  await tx.auditEvent.create({ data: { ...audit, action: "status", fromState: locked.status, toState: input.status, reason: input.reason || null } });
  if (correction !== locked.correction) {
    await tx.auditEvent.create({ data: { ...audit, action: "correction", fromState: locked.correction, toState: correction } });
  }
  await recordFlagChange(tx, flag, viewerId);
  return correction;
}
