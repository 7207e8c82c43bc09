import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/server/auth/password";
import { addStudents, parseStudentList } from "@/lib/server/classes/add-students";
import { addTeacher, createClass, joinClassByCode, regenerateJoinCode, removeStudent } from "@/lib/server/classes/class-writes";
import { findTaughtClass } from "@/lib/server/classes/find-classes";
import { signUp } from "@/lib/server/users/sign-up";
import { makeUser } from "../support/world";
import { codeOf } from "../support/error-code";


let teacher: { id: string };
let otherTeacher: { id: string };
let classroomId: string;
let code: string;

beforeAll(async () => {
  teacher = await makeUser("Ms Class");
  otherTeacher = await makeUser("Mr Other");
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
      expect(await codeOf(addTeacher({ viewerId, classroomId, email: "x@test.school" }))).toBe("not_found");
    }
  });

  it("adds a pasted list with one-time passwords shown once, and existing accounts without one", async () => {
    const existing = await makeUser("Already Here");
    const stamp = Date.now();
    const added = await addStudents({
      viewerId: teacher.id,
      classroomId,
      list: `Dana Ortiz, dana.${stamp}@test.school\nEli Novak <eli.${stamp}@test.school>\n\nAlready Here, ${existing.email}\nDana Ortiz, dana.${stamp}@test.school`,
    });
    expect(added.map((a) => [a.name, a.oneTimePassword === null])).toEqual([
      ["Dana Ortiz", false],
      ["Eli Novak", false],
      ["Already Here", true],
    ]);
    const dana = await db.user.findUniqueOrThrow({ where: { email: `dana.${stamp}@test.school` }, omit: { passwordHash: false } });
    expect(dana.mustChangePassword).toBe(true);
    expect(await verifyPassword(added[0].oneTimePassword!, dana.passwordHash)).toBe(true);
    const roster = await findTaughtClass({ viewerId: teacher.id, classroomId });
    expect(roster?.memberships.filter((m) => m.role === "student").length).toBeGreaterThanOrEqual(5);
  });

  it("reports a malformed line by number", () => {
    expect(() => parseStudentList("Good Name, good@test.school\nno email here")).toThrow(/Line 2/);
  });

  it("adds a co-teacher and removes a student", async () => {
    await addTeacher({ viewerId: teacher.id, classroomId, email: (await db.user.findUniqueOrThrow({ where: { id: otherTeacher.id } })).email });
    expect(await findTaughtClass({ viewerId: otherTeacher.id, classroomId })).not.toBeNull();
    const student = (await db.membership.findFirstOrThrow({ where: { classroomId, role: "student" } })).userId;
    await removeStudent({ viewerId: otherTeacher.id, classroomId, userId: student });
    expect(await db.membership.count({ where: { classroomId, userId: student } })).toBe(0);
  });
});
