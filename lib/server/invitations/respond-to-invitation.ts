import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { canTeach, TEACHERS_ONLY } from "@/lib/server/users/account-role";

/** The invitations a viewer may answer, as a `where`: addressed to their email, pending and not expired. */
function answerable(viewer: Viewer, invitationId: string) {
  return { id: invitationId, email: viewer.email, status: "pending" as const, expiresAt: { gt: new Date() } };
}

/**
 * Accepts or declines an invitation addressed to the viewer's email. Only
 * accepting enrols: as a student, as a co-teacher (a teacher account only,
 * 403 otherwise), or, for an administrator's invitation, as a teacher account.
 * Someone else's invitation is the same 404 as a missing one.
 */
export async function respondToInvitation({ viewer, invitationId, answer }: { viewer: Viewer; invitationId: string; answer: "accept" | "decline" }) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: answerable(viewer, invitationId), select: { id: true, classroomId: true, role: true } });
    if (!invitation) throw notFound("That invitation");
    if (answer === "accept" && invitation.classroomId && invitation.role === "teacher" && !canTeach(viewer.accountRole)) {
      throw new AppError("forbidden", TEACHERS_ONLY);
    }
    // Conditional on still pending, so two answers at once enrol (or count) once.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, status: "pending" },
      data: { status: answer === "accept" ? "accepted" : "declined", respondedAt: new Date() },
    });
    if (claimed.count === 0) throw notFound("That invitation");
    if (answer === "decline") return { classId: null };
    if (!invitation.classroomId) {
      await tx.user.updateMany({ where: { id: viewer.id, accountRole: "student" }, data: { accountRole: "teacher" } });
      return { classId: null };
    }
    const { classroomId, role } = invitation;
    await tx.membership.upsert({
      where: { userId_classroomId: { userId: viewer.id, classroomId } },
      create: { userId: viewer.id, classroomId, role },
      // A teacher of the class invited as a student stays its teacher.
      update: role === "teacher" ? { role } : {},
    });
    return { classId: classroomId };
  });
}

/** Withdraws a pending invitation: its class's teachers, or for an instance-wide one an administrator. */
export async function revokeInvitation({ viewer, invitationId }: { viewer: Viewer; invitationId: string }) {
  const revoked = await db.invitation.updateMany({
    where: {
      id: invitationId,
      status: "pending",
      OR: [
        { classroom: { memberships: { some: { userId: viewer.id, role: "teacher" } } } },
        ...(viewer.accountRole === "admin" ? [{ classroomId: null }] : []),
      ],
    },
    data: { status: "revoked", respondedAt: new Date() },
  });
  if (revoked.count === 0) throw notFound("That invitation");
}

/** Pending invitations addressed to the viewer, for /classes and /account, newest first. */
export async function listMyInvitations({ viewer }: { viewer: Viewer }) {
  const rows = await db.invitation.findMany({
    where: { email: viewer.email, status: "pending", expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, expiresAt: true, classroom: { select: { name: true } }, inviter: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    expiresAt: r.expiresAt.toISOString(),
    className: r.classroom?.name ?? null,
    inviterName: r.inviter?.name ?? null,
  }));
}

export type MyInvitation = Awaited<ReturnType<typeof listMyInvitations>>[number];
