import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { TEACHERS_ONLY, TEACHING_ROLES } from "@/lib/server/users/account-role";
import type { HeaderBag } from "@/lib/security/client-address";
import { beginGuess } from "@/lib/server/rate-limits/guess-throttle";
import { newJoinCode } from "./join-code";

/** The answer to a join code that matches no class, on joining and on signing up. */
export const WRONG_JOIN_CODE = "That join code is not valid. Check it with your teacher: codes change when a teacher renews them.";

/** Classes the viewer teaches, as a `where`: the teacher check is part of every query. */
export function taughtClass(viewerId: string, classroomId: string): Prisma.ClassroomWhereInput {
  return { id: classroomId, memberships: { some: { userId: viewerId, role: "teacher" } } };
}

/**
 * Creates a class with the viewer as its teacher and a fresh join code. Only a
 * teacher or administrator account may (403 otherwise): this is what keeps a
 * plain sign-up away from every teacher route, since those all ask for a
 * teacher membership, and memberships as teacher come only from here or an
 * accepted co-teacher invitation (which also needs a teacher account).
 */
export async function createClass({ viewerId, name }: { viewerId: string; name: string }) {
  const teacher = await db.user.findFirst({ where: { id: viewerId, accountRole: { in: TEACHING_ROLES } }, select: { id: true } });
  if (!teacher) throw new AppError("forbidden", TEACHERS_ONLY);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db.classroom.create({
        data: { name, joinCode: newJoinCode(), memberships: { create: { userId: viewerId, role: "teacher" } } },
      });
    } catch (error) {
      // A code collision is astronomically rare; try another.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new AppError("unavailable", "Could not make a join code. Try again.");
}

/** Joins the class whose code this is, as a student. Joining twice changes nothing. */
export async function joinClassByCode({ userId, code, headers }: { userId: string; code: string; headers?: HeaderBag }) {
  // Counted per student, per address and overall (guess-throttle.ts): codes must not be guessable at speed.
  const guess = await beginGuess({ kind: "join-code", subject: userId, headers });
  const classroom = await db.classroom.findUnique({ where: { joinCode: code } });
  if (!classroom) throw new AppError("invalid", WRONG_JOIN_CODE);
  await guess.succeeded();
  await db.membership.upsert({
    where: { userId_classroomId: { userId, classroomId: classroom.id } },
    create: { userId, classroomId: classroom.id, role: "student" },
    update: {},
  });
  return classroom;
}

/** Replaces the join code; the old one stops working at once. */
export async function regenerateJoinCode({ viewerId, classroomId }: { viewerId: string; classroomId: string }) {
  const found = await db.classroom.findFirst({ where: taughtClass(viewerId, classroomId), select: { id: true } });
  if (!found) throw notFound("That class");
  return db.classroom.update({ where: { id: classroomId }, data: { joinCode: newJoinCode() } });
}

/** Removes a student from the class (their annotations stay with the assignment's history). */
export async function removeStudent({ viewerId, classroomId, userId }: { viewerId: string; classroomId: string; userId: string }) {
  const found = await db.classroom.findFirst({ where: taughtClass(viewerId, classroomId), select: { id: true } });
  if (!found) throw notFound("That class");
  const removed = await db.membership.deleteMany({ where: { classroomId, userId, role: "student" } });
  if (removed.count === 0) throw notFound("That student");
}

/**
 * The viewer leaves a class they are a student of. Their annotations stay
 * with the assignment's history (as when a teacher removes them); every read
 * asks for a membership, so their access ends at once. Teachers are not
 * "leaving" here: a class must keep the teacher who manages it.
 */
export async function leaveClass({ viewerId, classroomId }: { viewerId: string; classroomId: string }) {
  const left = await db.membership.deleteMany({ where: { classroomId, userId: viewerId, role: "student" } });
  if (left.count === 0) throw notFound("That class");
}
