import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";

/**
 * Replaces the viewer's password after checking the current one; clears the
 * "one-time password" mark, and closes the viewer's other sessions so a
 * password handed out on paper stops working everywhere else.
 */
export async function changePassword({
  viewerId,
  sessionToken,
  current,
  next,
}: {
  viewerId: string;
  sessionToken: string | null;
  current: string;
  next: string;
}) {
  const user = await db.user.findUniqueOrThrow({ where: { id: viewerId }, omit: { passwordHash: false } });
  if (!(await verifyPassword(current, user.passwordHash))) throw new AppError("invalid", "Your current password is not right.");
  if (current === next) throw new AppError("invalid", "Choose a password different from the current one.");
  await db.$transaction([
    db.user.update({ where: { id: viewerId }, data: { passwordHash: await hashPassword(next), mustChangePassword: false } }),
    db.session.deleteMany({ where: { userId: viewerId, ...(sessionToken ? { sessionToken: { not: sessionToken } } : {}) } }),
  ]);
}
