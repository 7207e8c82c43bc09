import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import { findVisibleFlag, recordFlagChange } from "./find-flag";

/**
 * A classmate's agree/disagree on a flag: one vote per student (the unique
 * key makes a second vote an update), changeable, with an optional reason.
 * `value: null` withdraws the vote. Teachers verify rather than vote.
 */
export async function voteOnFlag({
  viewerId,
  annotationId,
  value,
  reason = "",
}: {
  viewerId: string;
  annotationId: string;
  value: "agree" | "disagree" | null;
  reason?: string;
}) {
  const flag = await findVisibleFlag(viewerId, annotationId);
  if (flag.role === "teacher") throw new AppError("forbidden", "Teachers verify flags instead of voting on them.");
  if (flag.authorId === viewerId) throw new AppError("forbidden", "You cannot vote on your own flag.");
  if (flag.flag.status === "merged") throw new AppError("conflict", "This flag was merged into another; vote there.");

  await db.$transaction(async (tx) => {
    if (value === null) {
      await tx.flagVote.deleteMany({ where: { flagId: annotationId, voterId: viewerId } });
    } else {
      await tx.flagVote.upsert({
        where: { flagId_voterId: { flagId: annotationId, voterId: viewerId } },
        create: { flagId: annotationId, voterId: viewerId, value, reason },
        update: { value, reason },
      });
    }
    await recordFlagChange(tx, flag, viewerId);
  });
  return reloadAnnotation(viewerId, annotationId);
}
