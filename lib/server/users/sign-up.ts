import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/auth/password";
import type { HeaderBag } from "@/lib/security/client-address";
import { WRONG_JOIN_CODE } from "@/lib/server/classes/class-writes";
import { beginGuess } from "@/lib/server/rate-limits/guess-throttle";
import type { SignUpInput } from "@/lib/validation/classes";
import { roleForSignUp } from "./account-role";

/**
 * Creates an account, joining the class whose code is given. A wrong code
 * creates nothing: the account and the membership are one transaction. The
 * account is a student's unless it is the instance's first (administrator) or
 * its domain is in TEACHER_EMAIL_DOMAINS (lib/server/users/account-role.ts). A
 * code is a guess like any other: counted per email and address, and
 * overall (guess-throttle.ts), and taken back unless it was wrong.
 */
export async function signUp(input: SignUpInput, headers?: HeaderBag) {
  const guess = input.joinCode ? await beginGuess({ kind: "join-code", subject: `email:${input.email}`, headers }) : null;
  const passwordHash = await hashPassword(input.password);
  let isWrongCode = false;
  try {
    return await db.$transaction(async (tx) => {
      const classroom = input.joinCode ? await tx.classroom.findUnique({ where: { joinCode: input.joinCode } }) : null;
      if (input.joinCode && !classroom) {
        isWrongCode = true;
        throw new AppError("invalid", WRONG_JOIN_CODE);
      }
      const accountRole = await roleForSignUp(tx, input.email);
      const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash, accountRole } });
      if (classroom) await tx.membership.create({ data: { userId: user.id, classroomId: classroom.id, role: "student" } });
      return { userId: user.id, className: classroom?.name ?? null, accountRole };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with that email already exists. Sign in instead, then join with the code.");
    }
    throw error;
  } finally {
    if (!isWrongCode) await guess?.succeeded();
  }
}
