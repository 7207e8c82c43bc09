import "server-only";
import { getTeacherEmailDomains } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { AccountRole, Prisma } from "@/lib/generated/prisma/client";

/** The one sentence every teacher-only action refuses a student account with. */
export const TEACHERS_ONLY = "Only teacher accounts can do this. Ask an administrator of this site to invite you as a teacher.";

/** Administrators may teach too: the role model is admin ⊃ teacher ⊃ student. */
export const TEACHING_ROLES: AccountRole[] = ["admin", "teacher"];

export function canTeach(role: AccountRole): boolean {
  return TEACHING_ROLES.includes(role);
}

/** Refuses (403) anyone whose account may not teach: creating classes, readings, accepting a co-teacher place. */
export function requireTeacherAccount(viewer: { accountRole: AccountRole }): void {
  if (!canTeach(viewer.accountRole)) throw new AppError("forbidden", TEACHERS_ONLY);
}

/** Refuses (403) anyone who is not an administrator. */
export function requireAdmin(viewer: { accountRole: AccountRole }): void {
  if (viewer.accountRole !== "admin") throw new AppError("forbidden", "Only an administrator of this site can do this.");
}

/** Whether the email's domain is one of TEACHER_EMAIL_DOMAINS (exactly, not a look-alike suffix). */
export function isTeacherEmail(email: string, domains = getTeacherEmailDomains()): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return domains.includes(domain);
}

/** Any fixed key: every sign-up takes it, so two first sign-ups cannot both become administrator. */
const FIRST_ACCOUNT_LOCK = 7_011_001;

/**
 * The role of an account made by signing up, decided inside the sign-up's
 * transaction: the first account of a fresh instance administers it, an
 * address in TEACHER_EMAIL_DOMAINS teaches, everyone else is a student.
 */
export async function roleForSignUp(tx: Prisma.TransactionClient, email: string): Promise<AccountRole> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK})`;
  const anyone = await tx.user.findFirst({ select: { id: true } });
  if (!anyone) return "admin";
  return isTeacherEmail(email) ? "teacher" : "student";
}
