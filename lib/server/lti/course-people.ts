import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { LtiClassRole } from "@/lib/lti/roles";
import { cleanDisplayName } from "@/lib/validation/display-name";

/**
 * The account a platform user (issuer, sub) launches as, made on their first
 * launch or roster sync. The pair is the identity (Core §5.3.6): never the
 * email, which a platform only claims, so a platform can never sign anyone
 * into an account someone made here with a password. The platform's email is
 * stored when no account has it yet (teachers recognise their students by
 * it), else a placeholder that cannot receive mail; the name follows the
 * platform's, cleaned like any name nobody typed here.
 *
 * Role (README "Security": roles): someone the platform calls an instructor
 * or teaching assistant of a course gets a teacher account, as an invitation
 * from an administrator would give: a registered platform vouches for its
 * instructors. A learner never gets more than a student account; an
 * existing teacher or administrator account keeps its role.
 */
export async function ensureLtiUser(
  tx: Tx,
  { issuer, sub, name, email, role }: { issuer: string; sub: string; name: string | null; email: string | null; role: LtiClassRole | null },
): Promise<string> {
  const cleanName = cleanDisplayName(name ?? "").slice(0, 80) || (role === "teacher" ? "Course teacher" : "Course member");
  const existing = await tx.ltiUser.findUnique({ where: { issuer_sub: { issuer, sub } }, select: { userId: true, user: { select: { name: true, accountRole: true } } } });
  if (existing) {
    const promote = role === "teacher" && existing.user.accountRole === "student";
    if (promote || (name && existing.user.name !== cleanName)) {
      await tx.user.update({ where: { id: existing.userId }, data: { ...(name ? { name: cleanName } : {}), ...(promote ? { accountRole: "teacher" } : {}) } });
    }
    return existing.userId;
  }
  const taken = email ? await tx.user.findUnique({ where: { email }, select: { id: true } }) : null;
  const placeholder = `lti-${createHash("sha256").update(`${issuer}\n${sub}`).digest("hex").slice(0, 24)}@lti.invalid`;
  const user = await tx.user.create({
    data: { name: cleanName, email: email && !taken ? email : placeholder, accountRole: role === "teacher" ? "teacher" : "student" },
    select: { id: true },
  });
  await tx.ltiUser.create({ data: { issuer, sub, userId: user.id } });
  return user.id;
}

/**
 * Puts the person in the course's class with the role the platform gives
 * them now: the platform is the authority on its own course, so an
 * instructor who became a learner there teaches here no more.
 */
export async function setCourseMembership(tx: Tx, { userId, classroomId, role }: { userId: string; classroomId: string; role: LtiClassRole }) {
  await tx.membership.upsert({
    where: { userId_classroomId: { userId, classroomId } },
    create: { userId, classroomId, role },
    update: { role },
  });
}
