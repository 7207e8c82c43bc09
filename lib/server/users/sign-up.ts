import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/auth/password";
import type { SignUpInput } from "@/lib/validation/classes";

/**
 * Creates an account, joining the class whose code is given. A wrong code
 * creates nothing: the account and the membership are one transaction.
 */
export async function signUp(input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const classroom = input.joinCode ? await tx.classroom.findUnique({ where: { joinCode: input.joinCode } }) : null;
      if (input.joinCode && !classroom) {
        throw new AppError("invalid", "That join code is not valid. Check it with your teacher: codes change when a teacher renews them.");
      }
      const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash } });
      if (classroom) await tx.membership.create({ data: { userId: user.id, classroomId: classroom.id, role: "student" } });
      return { userId: user.id, className: classroom?.name ?? null };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with that email already exists. Sign in instead, then join with the code.");
    }
    throw error;
  }
}
