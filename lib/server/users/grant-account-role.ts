import "server-only";
import { db } from "@/lib/db";
import type { AccountRole } from "@/lib/generated/prisma/client";
import { newOneTimePassword, oneTimePasswordExpiry } from "@/lib/server/auth/one-time-password";
import { hashPassword } from "@/lib/server/auth/password";
import { emailSchema } from "@/lib/validation/classes";

/**
 * For operators (`npm run admin`): makes the account with this email a
 * teacher or administrator, creating it with a one-time password when there
 * is none. Never lowers an administrator to teacher. This is a shell command
 * on the server, so unlike the app it may say whether the account existed.
 */
export async function grantAccountRole({ email: raw, role }: { email: string; role: Exclude<AccountRole, "student"> }) {
  const email = emailSchema.parse(raw);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, accountRole: true } });
  if (existing) {
    const accountRole = existing.accountRole === "admin" ? "admin" : role;
    await db.user.update({ where: { id: existing.id }, data: { accountRole } });
    return { email, accountRole, oneTimePassword: null };
  }
  const oneTimePassword = newOneTimePassword();
  await db.user.create({
    data: {
      email,
      name: email.slice(0, email.indexOf("@")),
      accountRole: role,
      passwordHash: await hashPassword(oneTimePassword),
      mustChangePassword: true,
      oneTimePasswordExpiresAt: oneTimePasswordExpiry(),
    },
  });
  return { email, accountRole: role, oneTimePassword };
}
