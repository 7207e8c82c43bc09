import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import type { ReviewFlagsInput } from "@/lib/validation/flag";
import { findVisibleFlag } from "./find-flag";
import { lockFlags, requireTeacher, writeReview } from "./flag-decisions";

/**
 * One decision for every flag of a finding (the queue's "Verify all 3"): each
 * flag is decided exactly as reviewFlag decides one (same checks, audit
 * entries and live events), all in one transaction, so the finding is
 * decided for everyone or, when any flag changed since the teacher looked
 * (its version), for no one (409). Every flag must be on `assignmentId`;
 * one the viewer may not see is the same 404 as a missing one.
 */
export async function reviewFlags({ viewerId, assignmentId, input }: { viewerId: string; assignmentId: string; input: ReviewFlagsInput }) {
  const { flags, ...decision } = input;
  const visible = await Promise.all(flags.map((f) => findVisibleFlag(viewerId, f.id)));
  for (const flag of visible) {
    if (flag.assignmentId !== assignmentId) throw notFound("That flag");
    requireTeacher(flag);
  }
  await db.$transaction(async (tx) => {
    const locked = await lockFlags(tx, flags.map((f) => f.id));
    for (const [i, flag] of visible.entries()) {
      await writeReview(tx, { viewerId, flag, locked: locked.get(flag.id), input: { ...decision, version: flags[i].version } });
    }
  });
  return Promise.all(flags.map((f) => reloadAnnotation(viewerId, f.id)));
}
