import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { InvitationRole, Prisma } from "@/lib/generated/prisma/client";
import { taughtClass } from "@/lib/server/classes/class-writes";
import { requireAdmin } from "@/lib/server/users/account-role";
import type { Viewer } from "@/lib/server/auth/viewer";

/** How long an invitation waits for its answer. */
export const INVITATION_DAYS = 14;

/** What every "invite by email" answers, whether the email has an account or not: nothing about the account. */
export interface InvitationReceipt {
  email: string;
  role: InvitationRole;
  expiresAt: string;
}

/**
 * Records a pending invitation, or renews the pending one for the same
 * email, class and role (one row, a fresh expiry). Never looks the email up
 * among accounts: the answer and the work done are the same either way.
 */
export async function upsertInvitation(
  tx: Prisma.TransactionClient,
  { classroomId, role, email, inviterId }: { classroomId: string | null; role: InvitationRole; email: string; inviterId: string },
): Promise<InvitationReceipt> {
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const pending = await tx.invitation.findFirst({ where: { classroomId, role, email, status: "pending" }, select: { id: true } });
  if (pending) await tx.invitation.update({ where: { id: pending.id }, data: { expiresAt, inviterId } });
  else await tx.invitation.create({ data: { classroomId, role, email, inviterId, expiresAt } });
  return { email, role, expiresAt: expiresAt.toISOString() };
}

/** Invites a colleague to co-teach the class; teachers of the class only (404 for anyone else). */
export async function inviteCoTeacher({ viewerId, classroomId, email }: { viewerId: string; classroomId: string; email: string }) {
  const found = await db.classroom.findFirst({ where: taughtClass(viewerId, classroomId), select: { id: true } });
  if (!found) throw notFound("That class");
  return db.$transaction((tx) => upsertInvitation(tx, { classroomId, role: "teacher", email, inviterId: viewerId }));
}

/** An administrator invites someone to teach on this instance; accepting makes their account a teacher's. */
export async function inviteTeacher({ viewer, email }: { viewer: Viewer; email: string }) {
  requireAdmin(viewer);
  return db.$transaction((tx) => upsertInvitation(tx, { classroomId: null, role: "teacher", email, inviterId: viewer.id }));
}
