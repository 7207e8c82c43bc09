import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/server/auth/auth-options";
import { SIGN_IN_ERROR } from "@/lib/format/sign-in-errors";
import { addStudents } from "@/lib/server/classes/add-students";
import { createClass } from "@/lib/server/classes/class-writes";
import { findTaughtClass } from "@/lib/server/classes/find-classes";
import { inviteCoTeacher, inviteTeacher } from "@/lib/server/invitations/create-invitation";
import { listMyInvitations, respondToInvitation, revokeInvitation } from "@/lib/server/invitations/respond-to-invitation";
import { roleForSignUp } from "@/lib/server/users/account-role";
import { grantAccountRole } from "@/lib/server/users/grant-account-role";
import { signUp } from "@/lib/server/users/sign-up";
import type { Viewer } from "@/lib/server/auth/viewer";
import { makeUser } from "../support/world";
import { codeOf } from "../support/error-code";

/** The viewer as the session lookup gives it, read from the database. */
async function viewerOf(id: string): Promise<Viewer> {
  const u = await db.user.findUniqueOrThrow({ where: { id } });
  return { id: u.id, name: u.name, email: u.email, mustChangePassword: u.mustChangePassword, accountRole: u.accountRole };
}

async function pendingFor(email: string, classroomId: string | null) {
  return db.invitation.findFirstOrThrow({ where: { email, classroomId, status: "pending" } });
}

let stamp = 0;
const fresh = (name: string) => `${name}.${Date.now()}.${++stamp}@roles.school`;

let teacher: { id: string };
let classroomId: string;

beforeAll(async () => {
  teacher = await makeUser("Role Teacher", "teacher");
  classroomId = (await createClass({ viewerId: teacher.id, name: "Roles 101" })).id;
});

afterEach(() => {
  delete process.env.TEACHER_EMAIL_DOMAINS;
});

describe("who may teach", () => {
  it("a plain sign-up is a student account and cannot create a class (403, nothing created)", async () => {
    const email = fresh("plain");
    const { userId, accountRole } = await signUp({ name: "Plain Person", email, password: "long-enough-pw" });
    expect(accountRole).toBe("student");
    const before = await db.classroom.count();
    expect(await codeOf(createClass({ viewerId: userId, name: "Mine now" }))).toBe("forbidden");
    expect(await db.classroom.count()).toBe(before);
  });

  it("the first account of a fresh instance administers it; later ones do not", async () => {
    // On an empty users table (rolled back afterwards): the rule sign-up runs inside its transaction.
    const roles = await db
      .$transaction(async (tx) => {
        await tx.user.deleteMany();
        const first = await roleForSignUp(tx, "first@anywhere.org");
        await tx.user.create({ data: { name: "First", email: "first@anywhere.org", accountRole: first } });
        const second = await roleForSignUp(tx, "second@anywhere.org");
        throw Object.assign(new Error("rollback"), { roles: [first, second] });
      })
      .catch((e: { roles?: string[] }) => e.roles);
    expect(roles).toEqual(["admin", "student"]);
    expect(await db.user.count()).toBeGreaterThan(1);
  });

  it("TEACHER_EMAIL_DOMAINS makes a school's own addresses teachers, and no look-alike domain", async () => {
    process.env.TEACHER_EMAIL_DOMAINS = "staff.school.edu, @teachers.example";
    const staff = await signUp({ name: "Staff One", email: `t${Date.now()}@staff.school.edu`, password: "long-enough-pw" });
    const alike = await signUp({ name: "Not Staff", email: `t${Date.now()}@evilstaff.school.edu`, password: "long-enough-pw" });
    const sub = await signUp({ name: "Sub Domain", email: `t${Date.now()}@x.teachers.example`, password: "long-enough-pw" });
    expect([staff.accountRole, alike.accountRole, sub.accountRole]).toEqual(["teacher", "student", "student"]);
    expect(await codeOf(createClass({ viewerId: staff.userId, name: "Staff class" }))).toBe("ok");
  });

  it("an administrator's invitation makes a student account a teacher once accepted; only administrators send them", async () => {
    const admin = await makeUser("Site Admin", "admin");
    const student = await makeUser("Soon Teacher");
    expect(await codeOf(inviteTeacher({ viewer: await viewerOf(teacher.id), email: "anyone@roles.school" }))).toBe("forbidden");
    const me = await viewerOf(student.id);
    await inviteTeacher({ viewer: await viewerOf(admin.id), email: me.email });
    expect(await codeOf(createClass({ viewerId: student.id, name: "Too early" }))).toBe("forbidden");
    await respondToInvitation({ viewer: me, invitationId: (await pendingFor(me.email, null)).id, answer: "accept" });
    expect((await viewerOf(student.id)).accountRole).toBe("teacher");
    expect(await codeOf(createClass({ viewerId: student.id, name: "Now allowed" }))).toBe("ok");
  });
});

describe("npm run admin", () => {
  it("create-teacher makes an existing account a teacher, never lowers an administrator, and creates a missing one with a one-time password", async () => {
    const student = await makeUser("Promoted");
    expect(await grantAccountRole({ email: (await viewerOf(student.id)).email, role: "teacher" })).toMatchObject({ accountRole: "teacher", oneTimePassword: null });
    const admin = await makeUser("Stays Admin", "admin");
    expect((await grantAccountRole({ email: (await viewerOf(admin.id)).email, role: "teacher" })).accountRole).toBe("admin");
    const email = fresh("operator");
    const made = await grantAccountRole({ email, role: "admin" });
    expect(made.oneTimePassword).toMatch(/^[a-z2-9]{12}$/);
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ accountRole: "admin", mustChangePassword: true });
  });
});

describe("invitations by email", () => {
  it("answers a co-teacher invitation identically whether the email has an account or not", async () => {
    const colleague = await makeUser("Has Account", "teacher");
    const withAccount = await inviteCoTeacher({ viewerId: teacher.id, classroomId, email: colleague.email });
    const without = await inviteCoTeacher({ viewerId: teacher.id, classroomId, email: fresh("nobody") });
    const shape = (r: object) => Object.entries(r).map(([k, v]) => [k, typeof v]);
    expect(shape(withAccount)).toEqual(shape(without));
    expect(withAccount.role).toBe(without.role);
    // Nobody enrolled by the invitation alone.
    expect(await findTaughtClass({ viewerId: colleague.id, classroomId })).toBeNull();
  });

  it("answers a pasted roster identically for existing and new addresses", async () => {
    const existing = await makeUser("Roster Existing");
    const [a, b] = await addStudents({ viewerId: teacher.id, classroomId, list: `Roster Existing, ${existing.email}\nRoster New, ${fresh("new")}` });
    const shape = (r: object) => Object.entries(r).map(([k, v]) => [k, typeof v, typeof v === "string" && k !== "name" && k !== "email" ? v.length : 0]);
    expect(shape(a)).toEqual(shape(b));
  });

  it("enrols a student only on accept; decline enrols nobody; each invitation answers once", async () => {
    const ana = await makeUser("Invited Ana");
    const ben = await makeUser("Invited Ben");
    await addStudents({ viewerId: teacher.id, classroomId, list: `Ana, ${(await viewerOf(ana.id)).email}\nBen, ${(await viewerOf(ben.id)).email}` });
    const anaViewer = await viewerOf(ana.id);
    const benViewer = await viewerOf(ben.id);
    expect((await listMyInvitations({ viewer: anaViewer })).map((i) => i.className)).toEqual(["Roles 101"]);
    const anaInvite = await pendingFor(anaViewer.email, classroomId);
    // Someone else's invitation is a 404, like a missing one.
    expect(await codeOf(respondToInvitation({ viewer: benViewer, invitationId: anaInvite.id, answer: "accept" }))).toBe("not_found");
    expect(await codeOf(respondToInvitation({ viewer: anaViewer, invitationId: "no-such-id", answer: "accept" }))).toBe("not_found");
    expect(await respondToInvitation({ viewer: anaViewer, invitationId: anaInvite.id, answer: "accept" })).toEqual({ classId: classroomId });
    expect(await db.membership.findFirst({ where: { userId: ana.id, classroomId } })).toMatchObject({ role: "student" });
    expect(await codeOf(respondToInvitation({ viewer: anaViewer, invitationId: anaInvite.id, answer: "decline" }))).toBe("not_found");
    await respondToInvitation({ viewer: benViewer, invitationId: (await pendingFor(benViewer.email, classroomId)).id, answer: "decline" });
    expect(await db.membership.count({ where: { userId: ben.id, classroomId } })).toBe(0);
    expect(await listMyInvitations({ viewer: benViewer })).toEqual([]);
  });

  it("waits for an address without an account until it signs up", async () => {
    const email = fresh("later");
    await addStudents({ viewerId: teacher.id, classroomId, list: `Later Person, ${email}` });
    // The roster made the account; signing up again with that email is the usual conflict.
    const made = await db.user.findUniqueOrThrow({ where: { email } });
    expect((await listMyInvitations({ viewer: await viewerOf(made.id) })).length).toBe(1);
    const coEmail = fresh("co");
    await inviteCoTeacher({ viewerId: teacher.id, classroomId, email: coEmail });
    process.env.TEACHER_EMAIL_DOMAINS = "roles.school";
    const signedUp = await signUp({ name: "Co Later", email: coEmail, password: "long-enough-pw" });
    const viewer = await viewerOf(signedUp.userId);
    const [invitation] = await listMyInvitations({ viewer });
    expect(invitation).toMatchObject({ role: "teacher", className: "Roles 101" });
    await respondToInvitation({ viewer, invitationId: invitation.id, answer: "accept" });
    expect(await findTaughtClass({ viewerId: viewer.id, classroomId })).not.toBeNull();
  });

  it("refuses a co-teacher place to a student account (403) and enrols nothing", async () => {
    const student = await makeUser("Student Not Teacher");
    const viewer = await viewerOf(student.id);
    await inviteCoTeacher({ viewerId: teacher.id, classroomId, email: viewer.email });
    const invitation = await pendingFor(viewer.email, classroomId);
    expect(await codeOf(respondToInvitation({ viewer, invitationId: invitation.id, answer: "accept" }))).toBe("forbidden");
    expect(await db.membership.count({ where: { userId: student.id, classroomId } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("pending");
  });

  it("lets the class's teachers revoke, nobody else; a revoked or expired invitation cannot be accepted", async () => {
    const other = await makeUser("Other Teacher", "teacher");
    await createClass({ viewerId: other.id, name: "Not yours" });
    const student = await makeUser("Revoked Student");
    const viewer = await viewerOf(student.id);
    await addStudents({ viewerId: teacher.id, classroomId, list: `Revoked Student, ${viewer.email}` });
    const invitation = await pendingFor(viewer.email, classroomId);
    expect(await codeOf(revokeInvitation({ viewer: await viewerOf(other.id), invitationId: invitation.id }))).toBe("not_found");
    expect(await codeOf(revokeInvitation({ viewer, invitationId: invitation.id }))).toBe("not_found");
    await revokeInvitation({ viewer: await viewerOf(teacher.id), invitationId: invitation.id });
    expect(await codeOf(respondToInvitation({ viewer, invitationId: invitation.id, answer: "accept" }))).toBe("not_found");

    await addStudents({ viewerId: teacher.id, classroomId, list: `Revoked Student, ${viewer.email}` });
    const again = await pendingFor(viewer.email, classroomId);
    await db.invitation.update({ where: { id: again.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await codeOf(respondToInvitation({ viewer, invitationId: again.id, answer: "accept" }))).toBe("not_found");
    expect(await db.membership.count({ where: { userId: student.id, classroomId } })).toBe(0);
  });
});

describe("one-time passwords", () => {
  const authorize = (credentials: Record<string, string>) => {
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> };
    };
    return provider.options.authorize(credentials, {});
  };

  it("signs in for 7 days, then refuses the right one-time password with its own reason; a wrong one stays a plain failure", async () => {
    const email = fresh("otp");
    const [row] = await addStudents({ viewerId: teacher.id, classroomId, list: `Otp Student, ${email}` });
    expect(await authorize({ email, password: row.oneTimePassword })).toMatchObject({ email });
    await db.user.update({ where: { email }, data: { oneTimePasswordExpiresAt: new Date(Date.now() - 1000) } });
    await expect(authorize({ email, password: row.oneTimePassword })).rejects.toThrow(SIGN_IN_ERROR.expired);
    expect(await authorize({ email, password: "not-the-password" })).toBeNull();
  });

  it("gives a fresh one-time password when the teacher pastes the student again, which signs in again", async () => {
    const email = fresh("renew");
    const [first] = await addStudents({ viewerId: teacher.id, classroomId, list: `Renew Student, ${email}` });
    await db.user.update({ where: { email }, data: { oneTimePasswordExpiresAt: new Date(Date.now() - 1000) } });
    const [second] = await addStudents({ viewerId: teacher.id, classroomId, list: `Renew Student, ${email}` });
    expect(second.oneTimePassword).not.toBe(first.oneTimePassword);
    expect(await authorize({ email, password: second.oneTimePassword })).toMatchObject({ email });
    expect(await authorize({ email, password: first.oneTimePassword })).toBeNull();
  });

  it("never resets the password of an account that chose its own", async () => {
    const own = await makeUser("Own Password");
    await db.user.update({ where: { id: own.id }, data: { passwordHash: "$2a$10$abcdefghijklmnopqrstuv" } });
    await addStudents({ viewerId: teacher.id, classroomId, list: `Own Password, ${own.email}` });
    await addStudents({ viewerId: teacher.id, classroomId, list: `Own Password, ${own.email}` });
    const after = await db.user.findUniqueOrThrow({ where: { id: own.id }, omit: { passwordHash: false } });
    expect(after.passwordHash).toBe("$2a$10$abcdefghijklmnopqrstuv");
  });
});
