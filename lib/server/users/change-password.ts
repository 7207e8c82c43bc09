import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { HeaderBag } from "@/lib/security/client-address";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { beginGuess } from "@/lib/server/rate-limits/guess-throttle";

/**
 * Replaces the viewer's password after checking the current one; clears the
 * "one-time password" mark, and closes the viewer's other sessions so a
 * password handed out on paper stops working everywhere else. Wrong current
 * passwords are throttled (429) like sign-in failures.
 */
export async function changePassword({
  viewerId,
  sessionToken,
  current,
  next,
  headers,
}: {
  viewerId: string;
  sessionToken: string | null;
  current: string;
  next: string;
  /** The request's headers, for the per-address budget. */
  headers?: HeaderBag;
}) {
  if (current === next) throw new AppError("invalid", "Choose a password different from the current one.");
  // The current password is a guess like a sign-in: counted per account and address (guess-throttle.ts).
  const guess = await beginGuess({ kind: "password", subject: viewerId, headers });
  const user = await db.user.findUniqueOrThrow({ where: { id: viewerId }, omit: { passwordHash: false } });
  if (!(await verifyPassword(current, user.passwordHash))) throw new AppError("invalid", "Your current password is not right.");
  await guess.succeeded();
  await db.$transaction([
    db.user.update({ where: { id: viewerId }, data: { passwordHash: await hashPassword(next), mustChangePassword: false } }),
    db.session.deleteMany({ where: { userId: viewerId, ...(sessionToken ? { sessionToken: { not: sessionToken } } : {}) } }),
  ]);
}
