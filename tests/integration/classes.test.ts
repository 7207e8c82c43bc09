import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/server/auth/password";
import { addStudents, parseStudentList } from "@/lib/server/classes/add-students";
import { createClass, joinClassByCode, regenerateJoinCode, removeStudent } from "@/lib/server/classes/class-writes";
import { inviteCoTeacher } from "@/lib/server/invitations/create-invitation";
import { respondToInvitation } from "@/lib/server/invitations/respond-to-invitation";
import { findTaughtClass } from "@/lib/server/classes/find-classes";
import { signUp } from "@/lib/server/users/sign-up";
import { makeUser } from "../support/world";
import { codeOf } from "../support/error-code";


let teacher: { id: string };
let otherTeacher: { id: string };
let classroomId: string;
let code: string;

beforeAll(async () => {
  teacher = await makeUser("Ms Class", "teacher");
  otherTeacher = await makeUser("Mr Other", "teacher");
  await createClass({ viewerId: otherTeacher.id, name: "Other class" });
  const created = await createClass({ viewerId: teacher.id, name: "History 12" });
  classroomId = created.id;
  code = created.joinCode;
});

describe("join codes", () => {
  it("lets a student join with the code, once", async () => {
    const student = await makeUser("Joiner");
    await joinClassByCode({ userId: student.id, code });
    await joinClassByCode({ userId: student.id, code });
    expect(await db.membership.count({ where: { userId: student.id, classroomId } })).toBe(1);
  });

  it("refuses a wrong code and a renewed one", async () => {
    const student = await makeUser("Late");
    expect(await codeOf(joinClassByCode({ userId: student.id, code: "WRONG123" }))).toBe("invalid");
    const renewed = await regenerateJoinCode({ viewerId: teacher.id, classroomId });
    expect(renewed.joinCode).not.toBe(code);
    expect(await codeOf(joinClassByCode({ userId: student.id, code }))).toBe("invalid");
    await joinClassByCode({ userId: student.id, code: renewed.joinCode });
    code = renewed.joinCode;
  });

  it("signs up with a code in one step, and creates nothing when the code is wrong", async () => {
    const email = `signup-${Date.now()}@test.school`;
    expect(await codeOf(signUp({ name: "Nope", email, password: "long-enough-pw", joinCode: "BADCODE9" }))).toBe("invalid");
    expect(await db.user.count({ where: { email } })).toBe(0);
    const made = await signUp({ name: "Yes", email, password: "long-enough-pw", joinCode: code });
    expect(made.className).toBe("History 12");
    expect(await codeOf(signUp({ name: "Again", email, password: "long-enough-pw" }))).toBe("conflict");
  });
});

describe("teacher-only class management", () => {
  it("gives students and other classes' teachers a 404 for every teacher action", async () => {
    const student = (await db.membership.findFirstOrThrow({ where: { classroomId, role: "student" } })).userId;
    for (const viewerId of [student, otherTeacher.id]) {
      expect(await findTaughtClass({ viewerId, classroomId })).toBeNull();
      expect(await codeOf(regenerateJoinCode({ viewerId, classroomId }))).toBe("not_found");
      expect(await codeOf(removeStudent({ viewerId, classroomId, userId: student }))).toBe("not_found");
      expect(await codeOf(addStudents({ viewerId, classroomId, list: "A B, ab@test.school" }))).toBe("not_found");
      expect(await codeOf(inviteCoTeacher({ viewerId, classroomId, email: "x@test.school" }))).toBe("not_found");
    }
  });

  it("answers a pasted list with a one-time password on every row, new account or not, and enrols nobody yet", async () => {
    const existing = await makeUser("Already Here");
    const stamp = Date.now();
    const before = await db.membership.count({ where: { classroomId } });
    const added = await addStudents({
      viewerId: teacher.id,
      classroomId,
      list: `Dana Ortiz, dana.${stamp}@test.school\nEli Novak <eli.${stamp}@test.school>\n\nAlready Here, ${existing.email}\nDana Ortiz, dana.${stamp}@test.school`,
    });
    expect(added.map((a) => a.name)).toEqual(["Dana Ortiz", "Eli Novak", "Already Here"]);
    // Identical shape for the existing account: same keys, a code of the same form.
    for (const a of added) {
      expect(Object.keys(a).sort()).toEqual(["email", "invitationExpiresAt", "name", "oneTimePassword"]);
      expect(a.oneTimePassword).toMatch(/^[a-z2-9]{12}$/);
    }
    const dana = await db.user.findUniqueOrThrow({ where: { email: `dana.${stamp}@test.school` }, omit: { passwordHash: false } });
    expect(dana.mustChangePassword).toBe(true);
    expect(dana.oneTimePasswordExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    expect(await verifyPassword(added[0].oneTimePassword, dana.passwordHash)).toBe(true);
    // The existing account keeps its own password: the code on its row signs nobody in.
    const here = await db.user.findUniqueOrThrow({ where: { id: existing.id }, omit: { passwordHash: false } });
    expect(here.passwordHash).toBeNull();
    expect(await db.membership.count({ where: { classroomId } })).toBe(before);
    expect(await db.invitation.count({ where: { classroomId, status: "pending", email: { in: added.map((a) => a.email) } } })).toBe(3);
  });

  it("reports a malformed line by number", () => {
    expect(() => parseStudentList("Good Name, good@test.school\nno email here")).toThrow(/Line 2/);
  });

  it("adds a co-teacher once they accept, and removes a student", async () => {
    const colleague = await db.user.findUniqueOrThrow({ where: { id: otherTeacher.id } });
    const invitation = await inviteCoTeacher({ viewerId: teacher.id, classroomId, email: colleague.email });
    expect(await findTaughtClass({ viewerId: otherTeacher.id, classroomId })).toBeNull();
    const row = await db.invitation.findFirstOrThrow({ where: { classroomId, email: invitation.email, status: "pending" } });
    await respondToInvitation({ viewer: { ...colleague, accountRole: "teacher" }, invitationId: row.id, answer: "accept" });
    expect(await findTaughtClass({ viewerId: otherTeacher.id, classroomId })).not.toBeNull();
    const student = (await db.membership.findFirstOrThrow({ where: { classroomId, role: "student" } })).userId;
    await removeStudent({ viewerId: otherTeacher.id, classroomId, userId: student });
    expect(await db.membership.count({ where: { classroomId, userId: student } })).toBe(0);
  });
});
